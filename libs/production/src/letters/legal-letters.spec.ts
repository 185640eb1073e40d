import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { memorySink, pdftotextPages, sampleLetterBase, temporaryDirectory } from '../testing/pdf-test-helpers';
import { compactText } from '../verify/text-normalisation';
import { cureClockStatement } from './cure-clock';
import { renderDenialLetter } from './denial-letter';
import { renderNeedsInfoLetter } from './needs-info-letter';
import { renderObjectionLetter } from './objection-letter';
import { placeholderProblem } from './signer';

jest.setTimeout(60_000);

const base = sampleLetterBase({ signedBy: { displayName: 'Maria Lopez', title: 'Library Director' }, libraryName: 'Palm Desert Library' });
const people = [{ displayName: 'Maria Lopez', title: 'Library Director', role: 'Decided the request' }, { displayName: 'Ravi Patel', title: 'Deputy City Attorney', role: 'Reviewed the request' }];

describe('letters fail closed on a placeholder instead of a person', () => {
  it.each([
    [{ displayName: 'Library Director', title: 'Library Director' }],
    [{ displayName: 'Director', title: 'Director of Libraries' }],
    [{ displayName: ' ', title: 'Library Director' }],
    [{ displayName: 'Maria Lopez', title: '' }],
  ])('refuses %j', async (signedBy) => {
    expect(placeholderProblem(signedBy)).not.toBeNull();
    const sink = memorySink();
    await expect(renderNeedsInfoLetter({ ...base, signedBy, defects: [{ description: 'Signature missing' }], cureBy: '2026-03-20' }, sink.stream)).rejects.toThrow(/not produced|placeholder|no name|no title/);
    expect(sink.bytes()).toHaveLength(0);
  });
  it('refuses a denial naming a placeholder among the responsible persons', async () => {
    const letter = { ...base, reasons: [{ text: 'Exempt', citation: 'Gov. Code § 7927.105' }], responsiblePersons: [{ displayName: 'Library Director', title: 'Library Director', role: 'Decided' }] };
    await expect(renderDenialLetter(letter, memorySink().stream)).rejects.toThrow(/placeholder/);
  });
  it('accepts a real name and title', () => {
    expect(placeholderProblem({ displayName: 'Maria Lopez', title: 'Library Director' })).toBeNull();
  });
});

describe('letter texts', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let count = 0;
  const render = async (write: (file: string) => Promise<unknown>) => {
    const file = path.join(temp.dir, `legal-${++count}.pdf`);
    await write(file);
    return compactText(pdftotextPages(file).join(' '));
  };
  const has = (text: string, phrase: string) => text.includes(compactText(phrase));

  it('cites Gov. Code § 7922.540 in a denial only for a public-records request', async () => {
    const denial = { ...base, reasons: [{ text: 'No superior court order', citation: 'Gov. Code § 7927.105(c)(3)' }], responsiblePersons: people };
    const cpra = await render((file) => renderDenialLetter({ ...denial, publicRecordsRequest: true }, createWriteStream(file)));
    expect(has(cpra, 'Gov. Code § 7922.540')).toBe(true);
    const warrant = await render((file) => renderDenialLetter(denial, createWriteStream(file)));
    expect(has(warrant, '7922.540')).toBe(false);
    expect(has(warrant, 'Maria Lopez, Library Director')).toBe(true);
  });

  it('answers a subpoena with a written objection on the Code Civ. Proc. §§ 1985.3(k), 1987.1 route, not a denial', async () => {
    const text = await render((file) =>
      renderObjectionLetter({ ...base, process: 'state_civil', complianceDate: '2026-12-21', grounds: [{ text: 'No proof of service on the patron', citation: 'Code Civ. Proc. § 1985.3(b), (c)' }], responsiblePersons: people }, createWriteStream(file)),
    );
    for (const phrase of ['objects to it', 'December 21, 2026', 'Code Civ. Proc. §§ 1985.3(k), 1987.1', 'No proof of service on the patron', 'Maria Lopez, Library Director']) expect({ phrase, found: has(text, phrase) }).toEqual({ phrase, found: true });
    expect(/denies your request/i.test(text)).toBe(false);
    const federal = await render((file) => renderObjectionLetter({ ...base, process: 'federal_civil', grounds: [{ text: 'Patron records are confidential', citation: 'Gov. Code § 7927.105' }], responsiblePersons: people }, createWriteStream(file)));
    expect(has(federal, 'Fed. R. Civ. P. 45(d)(2)(B)')).toBe(true);
  });

  it('states the clock truthfully in a cure letter, per request type', async () => {
    const cpra = cureClockStatement({ requestType: 'public_records', deadlines: [{ clock: 'cpra_determination', dueDate: '2026-03-12', status: 'open' }], pausableClocks: ['legal_review_target'] });
    expect(cpra).toMatch(/does not stop the time.*7922\.535.*March 12, 2026/);
    const subpoena = cureClockStatement({ requestType: 'civil_subpoena', deadlines: [{ clock: 'instrument_compliance', dueDate: '2026-12-21', status: 'open' }], pausableClocks: [] });
    expect(subpoena).toMatch(/date stated in your subpoena, December 21, 2026, is not changed/);
    const order = cureClockStatement({ requestType: 'court_order', deadlines: [{ clock: 'instrument_compliance', dueDate: '2026-12-10', status: 'open' }], pausableClocks: [] });
    expect(order).toMatch(/your order, December 10, 2026/);
    const warrant = cureClockStatement({ requestType: 'search_warrant', deadlines: [{ clock: 'search_warrant_expiry', dueDate: '2026-12-25', status: 'open' }], pausableClocks: [] });
    expect(warrant).toMatch(/Penal Code § 1534/);
    const text = await render((file) => renderNeedsInfoLetter({ ...base, defects: [{ description: 'Clarify the records sought' }], cureBy: '2026-03-20', clockStatement: cpra }, createWriteStream(file)));
    expect(has(text, 'does not stop the time')).toBe(true);
    expect(has(text, 'does not run')).toBe(false);
  });
});
