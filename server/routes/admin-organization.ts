// PUT /v1/admin/organization: the company's own email domains and phones, sent to every extension in /v1/me.
import { currentUser } from '../http/auth';
import { HttpError } from '../http/errors';
import { organizationSchema, writeOrganization } from '../people/organization';
import type { HubRoutes } from './route';

export const adminOrganizationRoutes: HubRoutes = (app, { db }) => {
  app.put('/v1/admin/organization', async (request) => {
    const parsed = organizationSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      throw new HttpError(400, 'bad_request', `Send { "domains": [..], "phones": [..] }: ${where}: ${issue?.message}`);
    }
    const organization = { domains: parsed.data.domains, phones: parsed.data.phones };
    await writeOrganization(db, organization, currentUser(request).id);
    return organization;
  });
};
