/** Credentials for the Admin API: a session token (Authorization: Bearer) or an API key (vendure-api-key). */
export type AdminAuth = { token: string } | { apiKey: string };

export interface GraphQLAnswer<T> {
  data: T;
  headers: Headers;
}

/** One Admin API call from the harness; GraphQL errors and error results are thrown with their message. */
export async function adminGraphQL<T>(
  adminApi: string,
  auth: AdminAuth | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth && 'token' in auth) headers.Authorization = `Bearer ${auth.token}`;
  if (auth && 'apiKey' in auth) headers['vendure-api-key'] = auth.apiKey;
  const response = await fetch(adminApi, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`Vendure admin API: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  }
  for (const value of Object.values(body.data as object)) {
    const result = value as { errorCode?: string; message?: string } | null;
    if (result && typeof result === 'object' && 'errorCode' in result && result.errorCode) {
      throw new Error(`Vendure admin API: ${result.errorCode}: ${result.message}`);
    }
  }
  return { data: body.data, headers: response.headers };
}
