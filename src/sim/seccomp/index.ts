/**
 * seccomp in the lab: Docker's JSON profile format, a loader for untrusted
 * profile text, an evaluator that applies a profile to one call the way
 * moby, runc and libseccomp do, and the lab's own copy of Docker's default
 * profile. Start reading at evaluate.ts.
 */
export type { SeccompAction, SeccompArg, SeccompFilter, SeccompOp, SeccompProfile, SeccompRule, KernelVersion } from './profile.ts';
export { SECCOMP_ACTIONS, SECCOMP_OPS } from './profile.ts';
export { parseSeccompProfile, type ParseOptions, type SeccompParseResult } from './parseProfile.ts';
export { evaluateSeccomp, type SeccompArgDependent, type SeccompCall, type SeccompDecision, type SeccompEvaluation } from './evaluate.ts';
export { staticSeccompVerdict, type SeccompStaticVerdict } from './staticVerdict.ts';
export { DEFAULT_SECCOMP_ENV, seccompEnv, type SeccompEnv } from './seccompEnv.ts';
export type { SeccompOutcome } from './effect.ts';
export type { ArgValue } from './compare.ts';
export { DOCKER_DEFAULT_PROFILE, buildDockerDefaultProfile } from './dockerDefaultProfile.ts';
