/**
 * Where Gloss runs. Off on the sites the reader listed (and their subdomains), which by default
 * hold the common webmail and messaging sites: what is read there is nobody's news, and names in
 * private messages should not be looked up. Off on private addresses too (this machine, the local
 * network), unless the reader turned Gloss on there.
 */

/** Sites where Gloss stays off until the reader says otherwise. */
export const DEFAULT_OFF_SITES: readonly string[] = [
  'mail.google.com',
  'chat.google.com',
  'messages.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'teams.microsoft.com',
  'mail.yahoo.com',
  'mail.aol.com',
  'mail.proton.me',
  'app.fastmail.com',
  'www.icloud.com',
  'web.whatsapp.com',
  'web.telegram.org',
  'www.messenger.com',
  'discord.com',
  'app.slack.com',
  'app.element.io',
  'signal.org',
];

/** Host names that only this machine or its network can reach. */
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/;

/** Whether `host` (as `location.hostname` gives it) is a private address. */
export function isPrivateHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.') && !name.includes(':')) return true; // "intranet", "router"
  if (PRIVATE_NAME.test(name)) return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const ipv6 = name.replace(/^\[|\]$/g, '');
  if (ipv6.includes(':'))
    return ipv6 === '::1' || /^f[cd]/.test(ipv6) || /^fe[89ab]/.test(ipv6) || ipv6 === '::';
  return false;
}

const covers = (sites: readonly string[], host: string) =>
  sites.some((site) => host === site || host.endsWith(`.${site}`));

/** The sites the reader listed: where Gloss is off, and private hosts where they turned it on. */
export interface SiteLists {
  disabledSites: string[];
  enabledSites: string[];
}

/** Whether Gloss runs on a host. */
export function isEnabledOn(host: string, { disabledSites, enabledSites }: SiteLists): boolean {
  if (covers(disabledSites, host)) return false;
  return !isPrivateHost(host) || covers(enabledSites, host);
}

/**
 * The lists after the reader turns Gloss on or off for `host` (the popup's switch). On: the host
 * and any parent domain that covered it leave the off list, and a private host joins the on list.
 */
export function switchSite(lists: SiteLists, host: string, on: boolean): SiteLists {
  const disabledSites = on
    ? lists.disabledSites.filter((site) => !covers([site], host))
    : [...new Set([...lists.disabledSites, host])];
  const enabledSites = lists.enabledSites.filter((site) => !covers([site], host));
  if (on && isPrivateHost(host)) enabledSites.push(host);
  return { disabledSites, enabledSites };
}
