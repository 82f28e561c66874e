import { SUPERADMIN } from './config';
import { adminGraphQL } from './graphql';

/** The superadmin's session token, as the `vendure-auth-token` header of a bearer login returns it. */
export async function loginSuperadmin(adminApi: string): Promise<string> {
  const { headers } = await adminGraphQL<{ login: { id: string } }>(
    adminApi,
    null,
    `mutation ($username: String!, $password: String!) {
      login(username: $username, password: $password) { ... on CurrentUser { id } ... on ErrorResult { errorCode message } }
    }`,
    { username: SUPERADMIN.identifier, password: SUPERADMIN.password },
  );
  const token = headers.get('vendure-auth-token');
  if (!token) throw new Error('Vendure did not return a session token.');
  return token;
}

/** The least-privilege credentials Reconnu needs: an API key whose role reads customers and orders, nothing else. */
export async function createReadOnlyApiKey(adminApi: string, token: string): Promise<string> {
  const role = await adminGraphQL<{ createRole: { id: string } }>(
    adminApi,
    { token },
    `mutation ($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
    {
      input: {
        code: 'reconnu-reader',
        description: 'Reconnu: read customers and orders',
        permissions: ['ReadCustomer', 'ReadOrder'],
      },
    },
  );
  const key = await adminGraphQL<{ createApiKey: { apiKey: string } }>(
    adminApi,
    { token },
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey entityId } }`,
    { input: { roleIds: [role.data.createRole.id], translations: [{ languageCode: 'fr', name: 'Reconnu' }] } },
  );
  return key.data.createApiKey.apiKey;
}
