import type { OciIdMapping } from '../oci/spec.ts';
import { LAB_USER } from '../vfs/images/debianAccounts.ts';

/**
 * Who runs podman in the lab, and what that makes rootless: the host's
 * ordinary user `lab` (uid 1000, gid 1000), with the subordinate ids
 * /etc/subuid and /etc/subgid give it. The lab's host image has neither file
 * (vfs/images/hostRoot.ts); the lab assumes the line shadow's useradd writes
 * for a first user when they exist, `lab:100000:65536` (login.defs(5):
 * SUB_UID_MIN 100000, SUB_UID_COUNT 65536; the same line podman's rootless
 * tutorial shows).
 * Podman then maps, with newuidmap and newgidmap, the user to root of its
 * user namespace and the subordinate range to the ids after it: container
 * 0 → host 1000 (1 id), container 1 → host 100000 (65536 ids).
 * @see subuid(5), login.defs(5), newuidmap(1)
 * @see containers/podman pkg/rootless/rootless_linux.go tryMappingTool; docs/tutorials/rootless_tutorial.md
 */
export const ROOTLESS_USER = LAB_USER;
export const SUBORDINATE = { start: 100000, count: 65536 } as const;

export const ROOTLESS_UID_MAP: readonly OciIdMapping[] = [
  { containerID: 0, hostID: ROOTLESS_USER.uid, size: 1 },
  { containerID: 1, hostID: SUBORDINATE.start, size: SUBORDINATE.count },
];
export const ROOTLESS_GID_MAP: readonly OciIdMapping[] = [
  { containerID: 0, hostID: ROOTLESS_USER.gid, size: 1 },
  { containerID: 1, hostID: SUBORDINATE.start, size: SUBORDINATE.count },
];

/** The newuidmap/newgidmap argument triplets: `0 1000 1 1 100000 65536`. */
export const mapTriplets = (maps: readonly OciIdMapping[]): string => maps.map((m) => `${m.containerID} ${m.hostID} ${m.size}`).join(' ');

/**
 * The user's storage and run directories: rootless podman keeps images and
 * containers under $XDG_DATA_HOME/containers/storage and its run state
 * under $XDG_RUNTIME_DIR/containers.
 * @see containers/container-libs storage/docs/containers-storage.conf.5.md (rootless graphroot, runroot)
 */
export const GRAPH_ROOT = `${ROOTLESS_USER.home}/.local/share/containers/storage`;
export const RUN_ROOT = `/run/user/${ROOTLESS_USER.uid}/containers`;
export const userdataDir = (id: string): string => `${RUN_ROOT}/overlay-containers/${id}/userdata`;

/**
 * The cgroups of a rootless container under systemd on cgroup v2. Podman
 * asks for `user.slice:libpod:<id>` (the cgroup parent for rootless is
 * user.slice); crun asks the user's systemd for the scope libpod-<id>.scope
 * in that slice of the user manager, then moves the process into the
 * scope's `container` subgroup and writes the limits there. Conmon goes in
 * libpod-conmon-<id>.scope beside it.
 * @see containers/podman libpod/container.go SystemdDefaultRootlessCgroupParent; libpod/container_internal_linux.go getOCICgroupPath; libpod/oci_conmon_linux.go (libpod-conmon)
 * @see containers/crun src/libcrun/cgroup-systemd.c get_systemd_scope_and_slice, find_systemd_subgroup, systemd_finalize
 */
const USER_SLICE = `/user.slice/user-${ROOTLESS_USER.uid}.slice/user@${ROOTLESS_USER.uid}.service/user.slice`;
export const specCgroupsPath = (id: string): string => `user.slice:libpod:${id}`;
export const containerScope = (id: string): string => `${USER_SLICE}/libpod-${id}.scope`;
export const containerCgroup = (id: string): string => `${containerScope(id)}/container`;
export const conmonScope = (id: string): string => `${USER_SLICE}/libpod-conmon-${id}.scope`;

/** A container uid as the host sees it, through the rootless maps. */
export function hostUid(uid: number): number {
  const m = ROOTLESS_UID_MAP.find((e) => uid >= e.containerID && uid < e.containerID + e.size);
  return m ? m.hostID + uid - m.containerID : 65534;
}

/**
 * The network namespace podman makes for a container (netns.NewNS): a file
 * under $XDG_RUNTIME_DIR/netns named from 16 random bytes; the lab takes the
 * bytes from the container id.
 * @see containers/container-libs common/pkg/netns/netns_linux.go GetNSRunDir, getNSName
 */
export const netnsPath = (id: string): string => `/run/user/${ROOTLESS_USER.uid}/netns/netns-${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;

/** containers.conf's default pids_limit, which podman applies rootless only with the systemd cgroup manager (as here). @see containers/container-libs common/pkg/config/default.go DefaultPidsLimit, (*Config).PidsLimit */
export const DEFAULT_PIDS_LIMIT = 2048;
