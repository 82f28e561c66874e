import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharedRegion } from '@/lib/feed/regions';
import { recognitionStrings } from '@/lib/i18n/recognition';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';

/** "complementary|requester|aside>div.card>p" → "complementary · “requester” · aside > div.card > p". */
function placeOf(region: string): string {
  const [landmark = '', label = '', path = ''] = region.split('|');
  return [landmark, label && `“${label}”`, path.replaceAll('>', ' > ')].filter(Boolean).join(' · ');
}

function Decide({ region }: { region: SharedRegion }) {
  const r = recognitionStrings(useLocale()).shared;
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (verdict: 'approve' | 'reject') =>
      ask({ type: 'decideRegion', site: region.site, region: region.region, verdict }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['shared-regions'] }),
  });
  return (
    <>
      {region.status !== 'approved' && (
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
          {r.approve}
        </button>
      )}{' '}
      {region.status !== 'rejected' && (
        <button type="button" className="secondary" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
          {r.reject}
        </button>
      )}
      {decide.isError && <span role="alert"> {decide.error.message}</span>}
    </>
  );
}

/** The places on each site where agents found the customer, proposed to the team: a supervisor shares them or not. */
export function SharedRegions() {
  const r = recognitionStrings(useLocale()).shared;
  const regions = useQuery({
    queryKey: ['shared-regions'],
    queryFn: () => ask({ type: 'sharedRegions' }),
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="shared-regions-title">
      <h2 id="shared-regions-title">{r.title}</h2>
      <p className="muted">{r.help}</p>
      {regions.isError && <p role="alert">{regions.error.message}</p>}
      {regions.data?.length === 0 && <p className="muted">{r.none}</p>}
      {!!regions.data?.length && (
        <table aria-label={r.title}>
          <TableHead columns={r.columns} />
          <tbody>
            {regions.data.map((region) => (
              <tr key={`${region.site}|${region.region}`}>
                <td>{region.site}</td>
                <td>{placeOf(region.region)}</td>
                <td>{r.people(region.proposers)}</td>
                <td>{r.status[region.status]}</td>
                <td>
                  <Decide region={region} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
