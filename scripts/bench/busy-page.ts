// A busy back-office page for the overlay benchmark: thousands of nodes (a 2,000-row order table full of dates,
// amounts and references), and a mutation burst every 50 ms (counters ticking, rows re-classed, a notification list
// re-rendered). window.__showRequester(email) puts a customer on the page and returns when (epoch ms) it did.
export const BUSY_ROWS = 2_000;
export const BURST_INTERVAL_MS = 50;

export function busyPageHtml(): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Back-office — commandes</title>
<style>
  body { font: 13px system-ui, sans-serif; margin: 0; }
  header { background: #1f2937; color: #fff; padding: 6px 12px; }
  table { border-collapse: collapse; width: 100%; }
  td { border-bottom: 1px solid #eee; padding: 2px 6px; }
  tr.hot { background: #fff7ed; }
  #requester { font-weight: 600; padding: 8px 12px; min-height: 1.2em; }
</style></head>
<body>
<header role="banner">Back-office Maison Lumière — Thomas Girard (thomas.girard@maison-lumiere.fr)</header>
<div id="requester"></div>
<ul id="notifications"></ul>
<table><tbody id="orders"></tbody></table>
<script>
  const body = document.getElementById('orders');
  const rows = [];
  for (let i = 0; i < ${BUSY_ROWS}; i++) {
    const tr = document.createElement('tr');
    const day = String(1 + (i % 28)).padStart(2, '0');
    tr.innerHTML = '<td>ML-' + (100000 + i) + '</td><td>' + day + '/11/2026</td><td>Lampe Arco ' + (i % 7) +
      '</td><td>' + (19 + (i % 300)) + ',90 €</td><td class="seen">vu il y a 0 s</td>';
    body.append(tr);
    rows.push(tr);
  }
  window.__bursts = 0;
  let tick = 0;
  setInterval(() => {
    tick++;
    for (let k = 0; k < 20; k++) {
      const row = rows[(tick * 37 + k * 101) % rows.length];
      row.lastChild.textContent = 'vu il y a ' + tick + ' s';
      row.classList.toggle('hot');
    }
    const list = document.getElementById('notifications');
    list.replaceChildren(...Array.from({ length: 10 }, (_, n) => {
      const li = document.createElement('li');
      li.textContent = 'Commande ML-' + (100000 + ((tick + n) % ${BUSY_ROWS})) + ' mise à jour à ' + new Date().toLocaleTimeString('fr');
      return li;
    }));
    window.__bursts++;
  }, ${BURST_INTERVAL_MS});
  window.__showRequester = (email) => {
    document.getElementById('requester').textContent = 'Demandeur : ' + email;
    return performance.timeOrigin + performance.now();
  };
  /** Baseline: when the page itself gets a frame out with the new text (next animation frame). */
  window.__nextFrameAt = () => new Promise((resolve) => requestAnimationFrame(() =>
    resolve(performance.timeOrigin + performance.now())));
</script>
</body></html>`;
}
