import 'server-only';
import { getAccountHeader, type AccountHeader } from './account-header';
import { getAccountSeries, type AccountSeries } from './account-series';
import { getHourOfWeek, type HourOfWeek } from './hour-of-week';
import { getLinkedAccounts, type LinkedAccount } from './linked-accounts';

export interface AccountPageData {
  header: AccountHeader;
  series: AccountSeries;
  hourOfWeek: HourOfWeek;
  linked: LinkedAccount[];
}

/** Everything the account page shows above the event list, from score + rollup tables only. */
export async function getAccountPageData(accountId: string): Promise<AccountPageData | null> {
  const header = await getAccountHeader(accountId);
  if (!header) return null;
  const [series, hourOfWeek, linked] = await Promise.all([
    getAccountSeries(accountId, header.events),
    getHourOfWeek([accountId]),
    getLinkedAccounts(accountId),
  ]);
  return { header, series, hourOfWeek, linked };
}
