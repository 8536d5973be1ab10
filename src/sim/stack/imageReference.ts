/**
 * Image references as the CLIs check them before anything is pulled:
 * docker normalises a name (`debian` → `docker.io/library/debian`) and
 * refuses what the grammar refuses; kubectl only matches the grammar.
 * @see distribution/reference v0.6.0 regexp.go (the grammar), normalize.go (ParseNormalizedNamed, splitDockerDomain), reference.go (Parse, errors)
 * @see opencontainers/go-digest digest.go (Parse, Validate), algorithm.go
 */
const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainAndPort = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';

/** distribution/reference's ReferenceRegexp: name, optional `:tag`, optional `@digest`. */
export const REFERENCE = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);

const IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST_SIZES: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
/** Longer input cannot be a valid reference (the name alone is capped at 255); skip the regular expression. */
const MAX_CHECKED = 4096;

/** go-digest's Validate: null when the digest is well-formed. */
function digestError(d: string): string | null {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format';
  const size = DIGEST_SIZES[d.slice(0, i)];
  if (size === undefined) return new RegExp(`^${digestPat}$`).test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  const encoded = d.slice(i + 1);
  if (encoded.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? null : 'invalid checksum digest format';
}

/** reference.Parse: the error text, or null. */
function parseError(s: string): string | null {
  const m = s.length <= MAX_CHECKED ? REFERENCE.exec(s) : null;
  if (!m) {
    if (s === '') return 'repository name must have at least one component';
    if (s.length <= MAX_CHECKED && REFERENCE.test(s.toLowerCase())) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  const name = m[1] ?? '';
  const slash = name.indexOf('/');
  const path = slash >= 0 && new RegExp(`^${domainAndPort}$`).test(name.slice(0, slash)) ? name.slice(slash + 1) : name;
  if (path.length > 255) return 'repository name must not be more than 255 characters';
  return m[3] ? digestError(m[3]) : null;
}

/** splitDockerDomain: where a familiar name lives on Docker Hub. */
function splitDockerDomain(name: string): { domain: string; remote: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: 'docker.io', remote: `library/${name}` };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = 'docker.io';
  let remote = name;
  if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) { domain = first; remote = rest; }
  if (first === 'index.docker.io') { domain = 'docker.io'; remote = rest; }
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return { domain, remote };
}

/** reference.ParseNormalizedNamed (what `docker pull` uses): null when the name is well-formed. */
export function normalizedNameError(ref: string): string | null {
  if (IDENTIFIER.test(ref)) return `invalid repository name (${ref}), cannot specify 64-byte hexadecimal strings`;
  const { domain, remote: remainder } = splitDockerDomain(ref);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  return parseError(`${domain}/${remainder}`);
}

/**
 * reference.ParseAnyReference (what `docker run` uses): an image ID or a bare
 * digest is accepted as is; anything else must be a normalized name.
 */
export function dockerReferenceError(ref: string): string | null {
  if (IDENTIFIER.test(ref) || digestError(ref) === null) return null;
  return normalizedNameError(ref);
}

/** reference.IsNameOnly: no `:tag` after the last `/`, and no `@digest`. */
export const isNameOnly = (ref: string): boolean => !ref.includes('@') && !(ref.split('/').at(-1) ?? '').includes(':');

/** kubectl run's check: the reference grammar, nothing more. */
export const kubectlImageValid = (image: string): boolean => image.length <= MAX_CHECKED && REFERENCE.test(image);
