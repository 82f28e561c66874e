// Every site adapter. Adding one: a file beside this one, a line here, a fixture and a test (see README).
import freshdesk from './freshdesk';
import front from './front';
import gmail from './gmail';
import gorgias from './gorgias';
import helpscout from './helpscout';
import hubspot from './hubspot';
import intercom from './intercom';
import outlook from './outlook';
import salesforce from './salesforce';
import type { SiteAdapter } from './types';
import zammad from './zammad';
import zendesk from './zendesk';

export const adapters: readonly SiteAdapter[] = [
  freshdesk,
  front,
  gmail,
  gorgias,
  helpscout,
  hubspot,
  intercom,
  outlook,
  salesforce,
  zammad,
  zendesk,
];
