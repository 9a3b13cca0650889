import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOfficialAddress, normaliseEmail, normalisePhone } from './contact.js';

describe('normalisePhone', () => {
  it.each(['0912 345 678', '0912.345.678', '84912345678', '+84 912 345 678', '912345678', '(+84) 912-345-678', '0084912345678'])(
    'reads %s as +84912345678',
    (input) => expect(normalisePhone(input)).toBe('+84912345678'),
  );

  it.each([
    ['024 3825 1234', '+842438251234'],
    ['2438251234', '+842438251234'],
    ['0203 3825 123', '+842033825123'],
  ])('reads landline %s as %s', (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each(['', '12345', '0112345678', 'abc', '09123456789', '+1 202 555 0100'])('rejects %j', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('gives every spelling of a mobile number the same form', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/), fc.constantFrom(' ', '.', '-', ''), (first, rest, sep) => {
        const nine = first + rest;
        const spaced = [nine.slice(0, 3), nine.slice(3, 6), nine.slice(6)].join(sep);
        const expected = `+84${nine}`;
        for (const variant of [`0${spaced}`, `+84 ${spaced}`, `84${nine}`, nine]) expect(normalisePhone(variant)).toBe(expected);
      }),
    );
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['  Nguyen.Van.A@HaNoi.GOV.VN ', 'nguyen.van.a@hanoi.gov.vn'],
    ['mailto:a@b.gov.vn', 'a@b.gov.vn'],
    ['<a@b.gov.vn>', 'a@b.gov.vn'],
  ])('reads %j as %s', (input, expected) => expect(normaliseEmail(input)).toBe(expected));

  it.each(['', 'khong-co', 'a@', '@b.vn', 'a b@c.vn', 'a@b'])('rejects %j', (input) => expect(normaliseEmail(input)).toBeNull());
});

describe('isOfficialAddress', () => {
  it('matches whole domain labels only', () => {
    expect(isOfficialAddress('a@quangninh.gov.vn', ['gov.vn'])).toBe(true);
    expect(isOfficialAddress('a@gov.vn', ['.gov.vn'])).toBe(true);
    expect(isOfficialAddress('a@notgov.vn', ['gov.vn'])).toBe(false);
    expect(isOfficialAddress('a@gmail.com', ['gov.vn'])).toBe(false);
  });
});
