/**
 * How the docker CLI prints sizes and ages, after docker/go-units (the
 * library the CLI calls): `docker images` prints SIZE with
 * HumanSizeWithPrecision(size, 3) (decimal units: B, kB, MB, GB… by powers of
 * 1000, Go's `%.3g`) and CREATED as HumanDuration(now − created) + " ago".
 * @see https://github.com/docker/go-units/blob/master/size.go (HumanSizeWithPrecision, decimapAbbrs)
 * @see https://github.com/docker/go-units/blob/master/duration.go (HumanDuration)
 * @see https://github.com/docker/cli/blob/master/cli/command/formatter/image.go (Size, CreatedSince)
 */

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/** Significant digits of `x` rounded to `prec`, trailing zeros dropped, and the decimal point's place (as Go's strconv keeps them). */
function roundedDigits(x: number, prec: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '', dp: 0 };
  const [mant = '0', exp = '0'] = x.toExponential(prec - 1).split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exp) + 1 };
}

/**
 * Go's `%.<prec>g` for a non-negative number: %e when the exponent is below
 * -4 or at least the precision, else %f; no trailing zeros either way.
 * @see Go strconv/ftoa.go, formatDigits case 'g'
 */
export function goFormatG(x: number, prec: number): string {
  const { digits, dp } = roundedDigits(x, prec);
  const nd = digits.length;
  const eprec = prec > nd && nd >= dp ? nd : prec;
  const exp = dp - 1;
  if (nd > 0 && (exp < -4 || exp >= eprec)) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  const decimals = Math.max((prec > dp ? nd : prec) - dp, 0);
  if (dp <= 0) return nd === 0 ? '0' : `0.${'0'.repeat(-dp)}${digits}`.slice(0, 2 + decimals);
  const whole = digits.slice(0, dp).padEnd(dp, '0');
  const frac = digits.slice(dp, dp + decimals);
  return frac ? `${whole}.${frac}` : whole;
}

/** go-units HumanSizeWithPrecision: divide by 1000 while ≥ 1000, then `%.*g` and the unit, no space (`74.8MB`). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let n = size;
  let i = 0;
  while (n >= 1000 && i < DECIMAL_ABBRS.length - 1) {
    n /= 1000;
    i++;
  }
  return `${goFormatG(n, precision)}${DECIMAL_ABBRS[i]}`;
}

/** `docker images` SIZE. */
export const dockerImageSize = (bytes: number): string => humanSizeWithPrecision(bytes, 3);

/** go-units HumanDuration, for a duration in seconds ("3 months", "About an hour"…). */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(seconds / 3600 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(seconds / 3600) / 24 / 365)} years`;
}
