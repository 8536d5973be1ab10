import { describe, expect, it } from 'vitest';
import { allValues, boolValue, flagErrorText, flags, lastValue, parseFlags, type FlagSetSpec } from '../../../src/sim/stack/flagParser.ts';
import { goQuote, parseGoBool, parseGoFloat, parseGoInt, parseGoUint } from '../../../src/sim/stack/goStrconv.ts';

const SPEC: FlagSetSpec = {
  interspersed: false,
  flags: [
    ...flags('bool', ['interactive|i', 'tty|t', 'detach|d', 'rm']),
    ...flags('value', ['env|e', 'volume|v', 'user|u', 'name', 'memory|m']),
    { name: 'cascade', kind: 'value', noOptDefVal: 'background' },
  ],
};
const read = (argv: string[], spec: FlagSetSpec = SPEC) => {
  const r = parseFlags(argv, spec);
  if (!r.ok) throw new Error(flagErrorText(r.error));
  return r.flags;
};

describe('pflag rules', () => {
  it.each([
    { argv: ['--name=web', 'img'], flag: 'name', value: 'web' },
    { argv: ['--name', 'web', 'img'], flag: 'name', value: 'web' },
    { argv: ['-u', '1000', 'img'], flag: 'user', value: '1000' },
    { argv: ['-u1000', 'img'], flag: 'user', value: '1000' },
    { argv: ['-u=1000', 'img'], flag: 'user', value: '1000' },
    { argv: ['-e', 'K=V', 'img'], flag: 'env', value: 'K=V' },
    { argv: ['-e=K=V', 'img'], flag: 'env', value: 'K=V' },
    { argv: ['-v', '/a:/b', 'img'], flag: 'volume', value: '/a:/b' },
    { argv: ['--memory', '-1', 'img'], flag: 'memory', value: '-1' },
    { argv: ['-it', 'img'], flag: 'tty', value: 'true' },
    { argv: ['--cascade', 'img'], flag: 'cascade', value: 'background' },
    { argv: ['--cascade=orphan', 'img'], flag: 'cascade', value: 'orphan' },
  ])('$argv sets --$flag to $value', ({ argv, flag, value }) => {
    const p = read(argv);
    expect(lastValue(p, flag)).toBe(value);
    expect(p.args).toEqual(['img']);
  });

  it.each([
    { argv: ['-itd', 'x'], set: ['interactive', 'tty', 'detach'], unset: ['rm'] },
    { argv: ['--rm=false', '-i', 'x'], set: ['interactive'], unset: ['rm'] },
    { argv: ['-i=false', '-t', 'x'], set: ['tty'], unset: ['interactive'] },
    { argv: ['--rm', '--rm=0', 'x'], set: [], unset: ['rm'] },
    { argv: ['--rm=FALSE', '--rm=T', 'x'], set: ['rm'], unset: [] },
  ])('bools in $argv', ({ argv, set, unset }) => {
    const p = read(argv);
    for (const f of set) expect(boolValue(p, f)).toBe(true);
    for (const f of unset) expect(boolValue(p, f)).toBe(false);
  });

  it('keeps every value of a repeated flag, in order', () => {
    expect(allValues(read(['-e', 'A=1', '--env=B=2', '-eC=3', 'x']), 'env')).toEqual(['A=1', 'B=2', 'C=3']);
  });

  it('without interspersing, the first word ends the flags: `-l` belongs to ls', () => {
    expect(read(['-it', 'debian', 'ls', '-l']).args).toEqual(['debian', 'ls', '-l']);
  });

  it('with interspersing, flags may follow arguments until --', () => {
    const p = read(['a', '-i', 'b', '--', '-t', 'c'], { ...SPEC, interspersed: true });
    expect(p.args).toEqual(['a', 'b', '-t', 'c']);
    expect(p.argsLenAtDash).toBe(2);
    expect(boolValue(p, 'tty')).toBe(false);
  });

  it.each([
    { argv: ['-', 'x'], args: ['-', 'x'] },
    { argv: ['', 'x'], args: ['', 'x'] },
    { argv: ['--', '-i'], args: ['-i'] },
  ])('$argv: a lone dash, an empty word and -- are not flags', ({ argv, args }) => {
    expect(read(argv).args).toEqual(args);
  });

  it('resolves aliases to the flag they name', () => {
    const p = read(['--net', 'host', 'x'], { interspersed: false, flags: flags('value', ['network']), aliases: { net: 'network' } });
    expect(lastValue(p, 'network')).toBe('host');
  });
});

describe("pflag's error texts", () => {
  it.each([
    { argv: ['--foo'], text: 'unknown flag: --foo' },
    { argv: ['--foo=1'], text: 'unknown flag: --foo' },
    { argv: ['-z'], text: "unknown shorthand flag: 'z' in -z" },
    { argv: ['-zi'], text: "unknown shorthand flag: 'z' in -zi" },
    { argv: ['-iz'], text: "unknown shorthand flag: 'z' in -z" },
    { argv: ["-'"], text: "unknown shorthand flag: '\\'' in -'" },
    { argv: ['-é'], text: "unknown shorthand flag: 'Ã' in -é" },
    { argv: ['--memory'], text: 'flag needs an argument: --memory' },
    { argv: ['-m'], text: "flag needs an argument: 'm' in -m" },
    { argv: ['-im'], text: "flag needs an argument: 'm' in -m" },
    { argv: ['---x'], text: 'bad flag syntax: ---x' },
    { argv: ['--=x'], text: 'bad flag syntax: --=x' },
    { argv: ['--rm=yes'], text: 'invalid argument "yes" for "--rm" flag: strconv.ParseBool: parsing "yes": invalid syntax' },
    { argv: ['-i=2'], text: 'invalid argument "2" for "-i, --interactive" flag: strconv.ParseBool: parsing "2": invalid syntax' },
  ])('$argv → $text', ({ argv, text }) => {
    const r = parseFlags(argv, SPEC);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(flagErrorText(r.error)).toBe(text);
  });

  it('--help and -h are ErrHelp when the set does not define them', () => {
    for (const argv of [['--help'], ['-h'], ['-ih']]) {
      const r = parseFlags(argv, SPEC);
      expect(r.ok ? null : r.error.kind).toBe('help');
    }
  });

  it('runs a value check and reports its cause', () => {
    const spec: FlagSetSpec = { interspersed: true, flags: flags('value', ['pids-limit'], (v) => { const r = parseGoInt(v); return r.ok ? null : r.cause; }) };
    const r = parseFlags(['--pids-limit', 'x'], spec);
    expect(r.ok ? '' : flagErrorText(r.error)).toBe('invalid argument "x" for "--pids-limit" flag: strconv.ParseInt: parsing "x": invalid syntax');
  });
});

describe('Go strconv', () => {
  it.each([
    ['0', 0n], ['-1', -1n], ['+7', 7n], ['0x1f', 31n], ['0X1F', 31n], ['0o17', 15n], ['017', 15n], ['0b101', 5n], ['1_000', 1000n],
    ['0x_1', 1n], ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
  ])('ParseInt(%s, 0, 64) = %s', (text, value) => {
    expect(parseGoInt(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    ['x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['-', 'strconv.ParseInt: parsing "-": invalid syntax'],
    ['08', 'strconv.ParseInt: parsing "08": invalid syntax'],
    ['0x', 'strconv.ParseInt: parsing "0x": invalid syntax'],
    ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['_1', 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ])('ParseInt(%j) fails: %s', (text, cause) => {
    expect(parseGoInt(text)).toEqual({ ok: false, cause });
  });

  it('ParseUint checks the bit size', () => {
    expect(parseGoUint('65535', 16)).toEqual({ ok: true, value: 65535n });
    expect(parseGoUint('65536', 16)).toEqual({ ok: false, cause: 'strconv.ParseUint: parsing "65536": value out of range' });
    expect(parseGoUint('-1', 16)).toEqual({ ok: false, cause: 'strconv.ParseUint: parsing "-1": invalid syntax' });
  });

  it.each([['1', true], ['t', true], ['TRUE', true], ['True', true], ['0', false], ['F', false], ['false', false], ['yes', null], ['tRUE', null]])(
    'ParseBool(%s) = %s', (text, value) => { expect(parseGoBool(text)).toBe(value); });

  it.each([['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['-inf', -Infinity]])('ParseFloat(%s) = %s', (text, value) => {
    expect(parseGoFloat(text)).toEqual({ ok: true, value });
  });

  it('ParseFloat reports syntax and range', () => {
    expect(parseGoFloat('1.2.3')).toEqual({ ok: false, cause: 'strconv.ParseFloat: parsing "1.2.3": invalid syntax' });
    expect(parseGoFloat('1e999')).toEqual({ ok: false, cause: 'strconv.ParseFloat: parsing "1e999": value out of range' });
  });

  it.each([['a"b', '"a\\"b"'], ['a\\b', '"a\\\\b"'], ['tab\there', '"tab\\there"'], ['\x01', '"\\x01"'], ['é', '"é"']])('%%q of %j is %s', (s, q) => {
    expect(goQuote(s)).toBe(q);
  });
});
