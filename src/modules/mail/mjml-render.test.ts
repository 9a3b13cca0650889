import { describe, expect, it } from 'vitest';
import { compileMail } from './mail-template.js';
import { renderMjml } from './mjml-render.js';

const options = { validationLevel: 'strict', keepComments: false, minify: true, minifyOptions: { minifyCss: false } };
const page = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

describe('MJML in a worker', () => {
  it('renders the templates asked for together, each to its own HTML', async () => {
    const [a, b] = await Promise.all([renderMjml(page('Thư một {{fullName}}'), options), renderMjml(page('Thư hai'), options)]);
    expect(a).toContain('Thư một {{fullName}}');
    expect(b).toContain('Thư hai');
    expect(b).not.toContain('Thư một');
  });

  it('renders again after the worker of the last render has ended', async () => {
    expect(await renderMjml(page('lần đầu'), options)).toContain('lần đầu');
    expect(await renderMjml(page('lần sau'), options)).toContain('lần sau');
  });

  it("rejects a template MJML refuses, with MJML's reason, and keeps rendering the others", async () => {
    const bad = renderMjml('<mjml><mj-body><mj-text>ngoài cột</mj-text></mj-body></mjml>', options);
    const good = renderMjml(page('vẫn dựng được'), options);
    await expect(bad).rejects.toThrow(/mj-text/);
    expect(await good).toContain('vẫn dựng được');
  });

  it('compiles a campaign mail with its constants escaped and the personal slots left open', async () => {
    const mail = await compileMail('invitation', { campaignName: 'Đợt <2023> & "thử"', deadline: '10/01/2100' });
    const html = mail.html.parts.join('');
    expect(html).toContain('Đợt &lt;2023&gt; &amp; &quot;thử&quot;');
    expect(mail.html.keys).toEqual(expect.arrayContaining(['fullName', 'bodyName', 'groupName', 'link', 'itContact']));
  });

  it('compiles the same campaign mail again to the same parts', async () => {
    const campaign = { campaignName: 'Đợt 2023', deadline: '10/01/2100' };
    const first = await compileMail('reminder', campaign);
    expect(await compileMail('reminder', campaign)).toEqual(first);
  });
});
