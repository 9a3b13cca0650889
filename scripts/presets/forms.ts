// A compact way to write questionnaires: each question is its sub-criterion,
// its answer scale and its text; ids (q01, q02, …) follow the order of the form.
import { options, type Option, type ScaleName } from './scales.js';

/** The seven fields (lĩnh vực) of the index, as section titles and scoring fields. */
export const fields = {
  cd: 'Công tác chỉ đạo, điều hành cải cách hành chính',
  tc: 'Cải cách thể chế',
  tthc: 'Cải cách thủ tục hành chính',
  bm: 'Cải cách tổ chức bộ máy hành chính nhà nước',
  cv: 'Cải cách chế độ công vụ',
  tcc: 'Cải cách tài chính công',
  cps: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
} as const;

export type FieldCode = keyof typeof fields;

/** [sub-criterion, scale, text] or [sub-criterion, scale, text, { k: false }] when everyone asked can answer. */
export type QuestionSpec = [subCriterion: string, scale: ScaleName, text: string, opts?: { k?: boolean }];

export type FormSpec = {
  code: string;
  title: string;
  intro: string;
  ratedUnits?: 'units';
  unitKind?: string;
  sections: Partial<Record<FieldCode, QuestionSpec[]>>;
};

export type Question = { id: string; text: string; subCriterion: string; options: Option[] };
export type Section = { code: string; title: string; questions: Question[] };
export type Form = {
  code: string;
  title: string;
  intro: string;
  ratedUnits?: 'units';
  unitKind?: string;
  sections: Section[];
};

export function buildForm(spec: FormSpec): Form {
  let n = 0;
  const sections: Section[] = [];
  for (const code of Object.keys(fields) as FieldCode[]) {
    const questions = spec.sections[code];
    if (!questions?.length) continue;
    sections.push({
      code,
      title: fields[code],
      questions: questions.map(([subCriterion, scale, text, opts]) => ({
        id: `q${String(++n).padStart(2, '0')}`,
        text,
        subCriterion,
        options: options(scale, opts?.k ?? true),
      })),
    });
  }
  return {
    code: spec.code,
    title: spec.title,
    intro: spec.intro,
    ...(spec.ratedUnits ? { ratedUnits: spec.ratedUnits, unitKind: spec.unitKind } : {}),
    sections,
  };
}

export type SubCriterion = { code: string; name: string; field: string; maxPoints: number };

/** [code, field, maxPoints, name] */
export function subCriteria(rows: [code: string, field: FieldCode, maxPoints: number, name: string][]): SubCriterion[] {
  return rows.map(([code, field, maxPoints, name]) => ({ code, name, field: fields[field], maxPoints }));
}
