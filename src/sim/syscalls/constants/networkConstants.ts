import type { ConstantEntry, ConstantFamily } from './constantFamily.ts';

/** Constants of the socket syscalls. */

/**
 * Address families. Docker's default seccomp profile refuses socket() for
 * AF_ALG (38) and AF_VSOCK (40) and allows every other family.
 * @see include/linux/socket.h, address_families(7)
 */
const FAMILIES: readonly ConstantEntry[] = [
  ['AF_UNSPEC', 0], ['AF_UNIX', 1], ['AF_INET', 2], ['AF_AX25', 3], ['AF_IPX', 4], ['AF_APPLETALK', 5],
  ['AF_NETROM', 6], ['AF_BRIDGE', 7], ['AF_ATMPVC', 8], ['AF_X25', 9], ['AF_INET6', 10], ['AF_ROSE', 11],
  ['AF_DECnet', 12], ['AF_NETBEUI', 13], ['AF_SECURITY', 14], ['AF_KEY', 15], ['AF_NETLINK', 16],
  ['AF_PACKET', 17], ['AF_ASH', 18], ['AF_ECONET', 19], ['AF_ATMSVC', 20], ['AF_RDS', 21], ['AF_SNA', 22],
  ['AF_IRDA', 23], ['AF_PPPOX', 24], ['AF_WANPIPE', 25], ['AF_LLC', 26], ['AF_IB', 27], ['AF_MPLS', 28],
  ['AF_CAN', 29], ['AF_TIPC', 30], ['AF_BLUETOOTH', 31], ['AF_IUCV', 32], ['AF_RXRPC', 33], ['AF_ISDN', 34],
  ['AF_PHONET', 35], ['AF_IEEE802154', 36], ['AF_CAIF', 37], ['AF_ALG', 38], ['AF_NFC', 39], ['AF_VSOCK', 40],
  ['AF_KCM', 41], ['AF_QIPCRTR', 42], ['AF_SMC', 43], ['AF_XDP', 44], ['AF_MCTP', 45],
];

/** Each PF_ protocol family has the value of its AF_ twin. */
const PROTOCOL_FAMILIES: readonly ConstantEntry[] = FAMILIES.map(([name, value]) => [name.replace(/^AF_/, 'PF_'), value]);

export const ADDRESS_FAMILIES: ConstantFamily = {
  kind: 'enum',
  entries: FAMILIES,
  aliases: [['AF_LOCAL', 1], ['AF_FILE', 1], ['AF_ROUTE', 16], ['AF_MAX', 46], ...PROTOCOL_FAMILIES, ['PF_LOCAL', 1], ['PF_ROUTE', 16]],
};

/**
 * socket type: the low four bits name the type; SOCK_CLOEXEC and
 * SOCK_NONBLOCK reuse the O_ bits on x86_64.
 * @see include/linux/net.h, socket(2)
 */
export const SOCKET_TYPES: ConstantFamily = {
  kind: 'flags',
  field: {
    mask: 0xf,
    position: 'first',
    entries: [
      ['SOCK_STREAM', 1], ['SOCK_DGRAM', 2], ['SOCK_RAW', 3], ['SOCK_RDM', 4], ['SOCK_SEQPACKET', 5],
      ['SOCK_DCCP', 6], ['SOCK_PACKET', 10],
    ],
  },
  entries: [['SOCK_CLOEXEC', 0o2000000], ['SOCK_NONBLOCK', 0o4000]],
};

/** IP protocol numbers (a subset). @see include/uapi/linux/in.h, include/uapi/linux/in6.h */
export const IP_PROTOCOLS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['IPPROTO_IP', 0], ['IPPROTO_ICMP', 1], ['IPPROTO_IGMP', 2], ['IPPROTO_IPIP', 4], ['IPPROTO_TCP', 6],
    ['IPPROTO_EGP', 8], ['IPPROTO_PUP', 12], ['IPPROTO_UDP', 17], ['IPPROTO_IDP', 22], ['IPPROTO_TP', 29],
    ['IPPROTO_DCCP', 33], ['IPPROTO_IPV6', 41], ['IPPROTO_RSVP', 46], ['IPPROTO_GRE', 47], ['IPPROTO_ESP', 50],
    ['IPPROTO_AH', 51], ['IPPROTO_ICMPV6', 58], ['IPPROTO_MTP', 92], ['IPPROTO_BEETPH', 94],
    ['IPPROTO_ENCAP', 98], ['IPPROTO_PIM', 103], ['IPPROTO_COMP', 108], ['IPPROTO_L2TP', 115],
    ['IPPROTO_SCTP', 132], ['IPPROTO_UDPLITE', 136], ['IPPROTO_MPLS', 137], ['IPPROTO_ETHERNET', 143],
    ['IPPROTO_RAW', 255], ['IPPROTO_SMC', 256], ['IPPROTO_MPTCP', 262],
  ],
  // socket(AF_NETLINK, …, protocol) takes a netlink family in the same argument; read, never printed for IP.
  // @see include/uapi/linux/netlink.h
  aliases: [
    ['NETLINK_ROUTE', 0], ['NETLINK_USERSOCK', 2], ['NETLINK_FIREWALL', 3], ['NETLINK_SOCK_DIAG', 4], ['NETLINK_NFLOG', 5],
    ['NETLINK_XFRM', 6], ['NETLINK_SELINUX', 7], ['NETLINK_ISCSI', 8], ['NETLINK_AUDIT', 9], ['NETLINK_FIB_LOOKUP', 10],
    ['NETLINK_CONNECTOR', 11], ['NETLINK_NETFILTER', 12], ['NETLINK_IP6_FW', 13], ['NETLINK_DNRTMSG', 14],
    ['NETLINK_KOBJECT_UEVENT', 15], ['NETLINK_GENERIC', 16], ['NETLINK_SCSITRANSPORT', 18], ['NETLINK_ECRYPTFS', 19],
    ['NETLINK_RDMA', 20], ['NETLINK_CRYPTO', 21], ['NETLINK_SMC', 22],
  ],
};

/** shutdown(2) how. @see include/linux/net.h */
export const SHUTDOWN_HOW: ConstantFamily = {
  kind: 'enum',
  entries: [['SHUT_RD', 0], ['SHUT_WR', 1], ['SHUT_RDWR', 2]],
};
