// Every site adapter. Adding one: a file beside this one, a line here, a fixture and a test (see docs/recognition.md,
// "Adding a site adapter").
import aircall from './aircall';
import freshdesk from './freshdesk';
import front from './front';
import genesys from './genesys';
import gmail from './gmail';
import gorgias from './gorgias';
import helpscout from './helpscout';
import hubspot from './hubspot';
import intercom from './intercom';
import outlook from './outlook';
import ringover from './ringover';
import salesforce from './salesforce';
import twilioflex from './twilioflex';
import type { SiteAdapter } from './types';
import zammad from './zammad';
import zendesk from './zendesk';

export const adapters: readonly SiteAdapter[] = [
  aircall,
  freshdesk,
  front,
  genesys,
  gmail,
  gorgias,
  helpscout,
  hubspot,
  intercom,
  outlook,
  ringover,
  salesforce,
  twilioflex,
  zammad,
  zendesk,
];
