// Integrity signals kept with a response, none of which names a person: keyed
// hashes of the client address, of its network (/24 for IPv4, /48 for IPv6),
// of the user agent and of the browser's device cookie, under a key per
// campaign derived from TOKEN_SECRET, so a hash means nothing outside its
// campaign and cannot be recomputed from an address. The device key per link
// uses a different derivation so it cannot be joined with them.
import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';

const keyed = (secret: string, label: string) => createHmac('sha256', secret).update(`survey:${label}`).digest();

export type SignalHasher = ReturnType<typeof createSignalHasher>;

export function createSignalHasher(secret: string) {
  const deviceKey = keyed(secret, 'invitation-devices');
  const campaignKeys = new Map<string, Buffer>();
  const keyOf = (campaignId: string) => campaignKeys.get(campaignId) ?? campaignKeys.set(campaignId, keyed(secret, `response-signals:${campaignId}`)).get(campaignId)!;
  const hash = (key: Buffer, kind: string, value: string) => createHmac('sha256', key).update(`${kind}\0${value}`).digest('base64url').slice(0, 32);
  return {
    /** Hashes stored on the response, keyed for its campaign. */
    forResponse(campaignId: string, ip: string, userAgent: string | undefined, device: string | undefined) {
      const key = keyOf(campaignId);
      return {
        ipHash: hash(key, 'ip', normaliseIp(ip)),
        netHash: hash(key, 'net', networkOf(ip)),
        uaHash: hash(key, 'ua', userAgent ?? ''),
        deviceKey: device ? hash(key, 'device', device) : null,
      };
    },
    /** One device (network and browser) opening one link, known before the link is looked up. */
    deviceKey(linkHash: Buffer, ip: string, userAgent: string | undefined): Buffer {
      return createHmac('sha256', deviceKey).update(linkHash).update(`\0${networkOf(ip)}\0${userAgent ?? ''}`).digest();
    },
  };
}

function parse(ip: string) {
  try {
    const addr = ipaddr.parse(ip);
    return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
  } catch {
    return null;
  }
}

export function normaliseIp(ip: string): string {
  return parse(ip)?.toString() ?? ip;
}

/** An IPv4 address as the server writes it: four decimal octets, no leading zeros. */
const PLAIN_IPV4 = /^((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** "203.0.113.0/24" or "2001:db8:1::/48"; an unparsable address stands for itself. */
export function networkOf(ip: string): string {
  // Every page opening asks this; the usual address needs no parser.
  const plain = PLAIN_IPV4.exec(ip);
  if (plain) return `${plain[1]}.0/24`;
  const addr = parse(ip);
  if (!addr) return ip;
  if (addr.kind() === 'ipv4') {
    const b = addr.toByteArray();
    return `${b[0]}.${b[1]}.${b[2]}.0/24`;
  }
  const parts = (addr as ipaddr.IPv6).parts;
  return `${parts.slice(0, 3).map((p) => p.toString(16)).join(':')}::/48`;
}
