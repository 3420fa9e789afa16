import type { ChannelKind } from '../core/conversation';
import type { DocumentStore, StoredDocument } from '../store/types';
import { updateWithRetry } from '../store/update';
import { derivedId } from './documents';

const CONTAINER = 'installations';
const CONVERSATION_TYPE = 'conversation';
const MAX_LISTED = 1000;

/** A conversation Warden has been added to, with what a channel needs to post there later. */
export interface KnownConversation {
  /** The channel's conversation id. */
  id: string;
  tenantId: string;
  channel: ChannelKind;
  name: string;
  /** Channel-specific address for proactive messages (a Teams ConversationReference). */
  reference?: unknown;
  /** True once Warden was removed from it: kept for history, no longer offered for sharing. */
  uninstalled?: boolean;
}

export interface ConversationRegistration {
  id: string;
  tenantId: string;
  channel: ChannelKind;
  /** Kept from an earlier registration when missing; the id is shown when never given. */
  name?: string;
  /** Kept from an earlier registration when missing. */
  reference?: unknown;
  /** Kept from an earlier registration when missing; false when Warden is added again. */
  uninstalled?: boolean;
}

interface ConversationDocument {
  id: string;
  tenantId: string;
  type: typeof CONVERSATION_TYPE;
  conversationId: string;
  channel: ChannelKind;
  name: string;
  reference?: unknown;
  uninstalled?: boolean;
}

/** The conversations of each tenant that Warden knows, kept in the `installations` container. */
export class ConversationDirectory {
  constructor(private readonly store: DocumentStore) {}

  /**
   * Records or refreshes a conversation. Events that lack a name or reference (Teams omits
   * them on some activities) keep what an earlier event recorded.
   */
  async register(registration: ConversationRegistration): Promise<KnownConversation> {
    const id = documentId(registration.id);
    const written = await updateWithRetry<ConversationDocument>(
      this.store,
      CONTAINER,
      registration.tenantId,
      id,
      (current) => ({
        id,
        tenantId: registration.tenantId,
        type: CONVERSATION_TYPE,
        conversationId: registration.id,
        channel: registration.channel,
        name: registration.name ?? current?.name ?? registration.id,
        reference: registration.reference ?? current?.reference,
        uninstalled: registration.uninstalled ?? current?.uninstalled,
      }),
    );
    // The mutation always returns a document, so updateWithRetry always writes one.
    return toConversation(written as StoredDocument<ConversationDocument>);
  }

  async get(tenantId: string, conversationId: string): Promise<KnownConversation | undefined> {
    const doc = await this.store.get<ConversationDocument>(
      CONTAINER,
      tenantId,
      documentId(conversationId),
    );
    return doc?.type === CONVERSATION_TYPE ? toConversation(doc) : undefined;
  }

  /** This tenant's conversations by name, optionally of one channel; at most 1,000. */
  async list(tenantId: string, channel?: ChannelKind): Promise<KnownConversation[]> {
    const docs = await this.store.query<ConversationDocument>(CONTAINER, tenantId, {
      where: channel ? { type: CONVERSATION_TYPE, channel } : { type: CONVERSATION_TYPE },
      orderBy: { field: 'name', direction: 'asc' },
      limit: MAX_LISTED,
    });
    return docs.map(toConversation);
  }
}

function documentId(conversationId: string): string {
  return derivedId(CONVERSATION_TYPE, conversationId);
}

function toConversation(doc: StoredDocument<ConversationDocument>): KnownConversation {
  const known: KnownConversation = {
    id: doc.conversationId,
    tenantId: doc.tenantId,
    channel: doc.channel,
    name: doc.name,
  };
  if (doc.reference !== undefined) known.reference = doc.reference;
  if (doc.uninstalled) known.uninstalled = true;
  return known;
}
