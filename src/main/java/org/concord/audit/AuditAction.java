package org.concord.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** An authenticated read of labelled data. */
    READ,
    /** An export of labelled data (element sets, ephemerides, CDMs). */
    EXPORT,
    INGEST,
    /** An orbit record recalled: removed with the conjunctions computed from it. */
    RECALL,
    /** An orbit record given another label (stored again under it, with a new id). */
    RELABEL,
    PARTY_CHANGE,
    AGREEMENT_CHANGE,
    USER_CHANGE,
    TOKEN_CHANGE,
    /** A partner node added or removed. */
    PEER_CHANGE,
    /** A bundle served to a partner node. */
    FEDERATION_SEND,
    /** A bundle accepted from a partner node. */
    FEDERATION_RECEIVE,
    /** A bundle or a node-signed request refused (bad signature, wrong recipient, replay, gap, unknown key). */
    FEDERATION_REJECT,
    /** A checkpoint asked for on demand (scheduled checkpoints are not entries). */
    CHECKPOINT,
    /** A watch added or removed (docs/watches.md). */
    WATCH_CHANGE
}
