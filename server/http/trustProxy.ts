import net from "node:net";
import type { IncomingMessage } from "node:http";

/**
 * TRUST_PROXY: how many proxies of our own stand in front of us (`0`, `1`, `2`, …), or their
 * addresses and networks (`10.0.0.1, 192.168.0.0/16`). Only entries that such a proxy appended to
 * X-Forwarded-For are believed, so a client cannot pick its own address with a forged left-most one.
 */
export type TrustProxy = { hops: number } | { proxies: string[] };

const maxHops = 10;

/** Why a TRUST_PROXY value is refused, or null when it is fine (for the config's validation). */
export function trustProxyProblem(value: string): string | null {
  if (/^\d+$/.test(value)) return Number(value) <= maxHops ? null : `at most ${maxHops} hops`;
  const bad = value
    .split(",")
    .map((p) => p.trim())
    .find((p) => !parseNetwork(p));
  return bad === undefined ? null : `"${bad}" is neither a hop count nor an IP address or CIDR network`;
}

export function parseTrustProxy(value: string): TrustProxy {
  return /^\d+$/.test(value) ? { hops: Number(value) } : { proxies: value.split(",").map((p) => p.trim()) };
}

function parseNetwork(text: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [address = "", prefixText, ...rest] = text.split("/");
  const version = net.isIP(address);
  if (version === 0 || rest.length) return null;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * Whether the peer `hop` steps from us (0: the socket's peer, 1: the address it forwarded for, …)
 * is one of our proxies, in the form Express takes for its "trust proxy" setting.
 */
export function proxyTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if ("hops" in trust) return (_address, hop) => hop < trust.hops;
  const list = new net.BlockList();
  for (const text of trust.proxies) {
    const network = parseNetwork(text)!;
    list.addSubnet(network.address, network.prefix, network.family);
  }
  return (address) => {
    const plain = normalize(address);
    const version = net.isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? "ipv4" : "ipv6");
  };
}

/** Whether the socket's peer is one of our proxies, so that its X-Forwarded-* headers count. */
export function fromTrustedProxy(trust: TrustProxy, req: IncomingMessage): boolean {
  return proxyTrust(trust)(req.socket.remoteAddress ?? "", 0);
}
