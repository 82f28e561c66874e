import { browser } from 'wxt/browser';
import type { Answer, BackgroundRequestInput } from './answers';
// Types only: the content script asks through this file and loads no zod.
import type { Reply } from './messages';

/**
 * Sends a request to the background, from an extension page or a content script, and unwraps its reply (errors
 * become exceptions). The reply is the router's handler's answer for this request type (answers.ts): the wire is the
 * one place it is typed, so no caller casts it.
 */
export async function ask<R extends BackgroundRequestInput>(request: R): Promise<Answer<R['type']>> {
  const reply = await browser.runtime.sendMessage<R, Reply<Answer<R['type']>> | undefined>(request);
  if (!reply) throw new Error('The background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
