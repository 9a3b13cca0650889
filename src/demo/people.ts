// Realistic respondent lists for the demo and the national benchmark: Vietnamese
// names, official mailboxes, positions by group, a few people listed in two
// groups and a few bad addresses — deterministic for a given seed.
import type { CampaignConfig } from '../presets/index.js';

export type Person = {
  fullName: string;
  email: string;
  phone: string;
  organisation: string;
  position: string;
  group: string;
};

/** A small, fast, seedable generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lương'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Xuân', 'Thu', 'Hồng', 'Công', 'Trọng', 'Kim', 'Anh'];
const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Nhung', 'Phong', 'Phúc', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thủy', 'Trang', 'Tuấn', 'Việt', 'Yến'];
const departments = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Văn phòng Ủy ban nhân dân tỉnh', 'Thanh tra tỉnh'];
const divisions = ['Phòng Tổ chức cán bộ', 'Phòng Cải cách hành chính', 'Phòng Kế hoạch - Tài chính', 'Văn phòng sở', 'Phòng Pháp chế', 'Phòng Quản lý chuyên ngành'];
const localities = ['huyện Đông Anh', 'huyện Gia Lâm', 'thị xã Sơn Tây', 'huyện Ba Vì', 'huyện Thanh Trì', 'thành phố Bắc Ninh', 'huyện Tiên Du', 'thị xã Từ Sơn', 'huyện Quế Võ', 'huyện Yên Phong'];

const positionsByGroup: Record<string, string[]> = {
  hdnd: ['Đại biểu HĐND tỉnh', 'Phó Chủ tịch HĐND tỉnh', 'Trưởng Ban Pháp chế HĐND tỉnh'],
  lanh_dao_so: ['Giám đốc', 'Phó Giám đốc'],
  lanh_dao_phong: ['Trưởng phòng', 'Phó Trưởng phòng'],
  lanh_dao_huyen: ['Chủ tịch UBND', 'Phó Chủ tịch UBND'],
  lanh_dao_xa: ['Chủ tịch UBND', 'Phó Chủ tịch UBND'],
};

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `nguyen.van.an` from `Nguyễn Văn An`. */
export function mailboxName(fullName: string): string {
  return fullName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/\s+/)
    .join('.');
}

function organisationFor(group: string, random: () => number, bodyName: string): string {
  if (group === 'hdnd') return `Hội đồng nhân dân ${bodyName}`;
  if (group === 'lanh_dao_so') return pick(random, departments);
  if (group === 'lanh_dao_phong') return `${pick(random, divisions)}, ${pick(random, departments)}`;
  return `Ủy ban nhân dân ${pick(random, localities)}`;
}

export type ListOptions = {
  bodyCode: string;
  bodyName: string;
  /** The body's mail domain, e.g. `bacninh.gov.vn`. */
  domain: string;
  perGroup: Record<string, number>;
  /** Share of people also listed in a second group (same person, same mailbox). */
  twoGroupShare?: number;
  /** Share of addresses that will bounce (a mailbox that does not exist). */
  badAddressShare?: number;
  seed?: number;
};

/** People of one body, by group; some appear in two groups, a few have dead mailboxes. */
export function generateBodyList(config: Pick<CampaignConfig, 'groups'>, options: ListOptions): Person[] {
  const random = seededRandom(options.seed ?? Number.parseInt(options.bodyCode, 36));
  const used = new Set<string>();
  const people: Person[] = [];
  for (const group of config.groups) {
    const count = options.perGroup[group.code] ?? 0;
    for (let i = 0; i < count; i++) {
      const fullName = `${pick(random, familyNames)} ${pick(random, middleNames)} ${pick(random, givenNames)}`;
      let local = mailboxName(fullName);
      for (let n = 2; used.has(local); n++) local = `${mailboxName(fullName)}${n}`;
      used.add(local);
      const bad = random() < (options.badAddressShare ?? 0);
      people.push({
        fullName,
        email: `${bad ? 'khongtontai.' : ''}${local}@${options.domain}`,
        phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        organisation: organisationFor(group.code, random, options.bodyName),
        position: pick(random, positionsByGroup[group.code] ?? ['Lãnh đạo']),
        group: group.code,
      });
    }
  }
  const twoGroup = Math.round(people.length * (options.twoGroupShare ?? 0));
  const groups = config.groups.map((g) => g.code);
  for (let i = 0; i < twoGroup && groups.length > 1; i++) {
    const person = people[Math.floor(random() * people.length)]!;
    const other = groups.find((g) => g !== person.group)!;
    people.push({ ...person, group: other, organisation: organisationFor(other, random, options.bodyName), position: pick(random, positionsByGroup[other] ?? ['Lãnh đạo']) });
  }
  return people;
}

export const csvHeaders = ['Họ và tên', 'Email', 'Số điện thoại', 'Cơ quan/đơn vị', 'Chức vụ', 'Nhóm'] as const;

export function personRow(p: Person): string[] {
  return [p.fullName, p.email, p.phone, p.organisation, p.position, p.group];
}
