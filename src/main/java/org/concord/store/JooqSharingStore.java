package org.concord.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.concord.access.Agreement;
import org.concord.access.ApiToken;
import org.concord.access.Party;
import org.concord.access.PartyKind;
import org.concord.access.Role;
import org.concord.access.SharingStore;
import org.concord.access.User;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.store.Tables.AgreementRow;
import org.concord.store.Tables.PartyMember;
import org.concord.store.Tables.PartyRow;
import org.concord.store.Tables.SharingState;
import org.concord.store.Tables.TokenRow;
import org.concord.store.Tables.UserRow;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** Parties, users, tokens and agreements in PostgreSQL or H2, through jOOQ. */
public final class JooqSharingStore implements SharingStore {

    private final Database database;
    private final DSLContext dsl;
    private final LabelIds labelIds;

    JooqSharingStore(Database database, LabelIds labelIds) {
        this.database = database;
        this.dsl = database.dsl();
        this.labelIds = labelIds;
    }

    public JooqSharingStore(Database database) {
        this(database, new LabelIds(database));
    }

    /** Runs a change and raises the sharing version in the same transaction. */
    private void change(Consumer<DSLContext> change) {
        dsl.transaction(() -> {
            DSLContext tx = dsl;
            change.accept(tx);
            bumpVersion(tx);
        });
        database.sharingChangedHere();
    }

    static void bumpVersion(DSLContext tx) {
        tx.update(SharingState.T).set(SharingState.VERSION, SharingState.VERSION.plus(1))
                .where(SharingState.ID.eq(1)).execute();
    }

    @Override
    public long changesHere() {
        return database.sharingChangesHere();
    }

    @Override
    public long version() {
        return dsl.select(SharingState.VERSION).from(SharingState.T).where(SharingState.ID.eq(1)).fetchOne().value1();
    }

    @Override
    public List<Party> parties() {
        return dsl.select(PartyRow.CODE, PartyRow.NAME, PartyRow.KIND, PartyRow.CREATED_AT, PartyRow.SOURCE_PRIORITY)
                .from(PartyRow.T).orderBy(PartyRow.CODE).fetch(r -> new Party(r.value1(), r.value2(),
                        PartyKind.valueOf(r.value3()), r.value4().toInstant(), r.value5()));
    }

    @Override
    public int setSourcePriority(String code, int priority) {
        int[] changed = new int[1];
        try {
            change(tx -> {
                CatalogVersion.raise(tx);
                changed[0] = LatestOrbits.reprioritize(tx, code, priority);
            });
        } finally {
            database.catalogChangedHere();
        }
        return changed[0];
    }

    @Override
    public Map<String, Set<String>> groupMembers() {
        Map<String, Set<String>> members = new TreeMap<>();
        dsl.select(PartyMember.GROUP_CODE, PartyMember.MEMBER_CODE).from(PartyMember.T)
                .forEach(r -> members.computeIfAbsent(r.value1(), g -> new TreeSet<>()).add(r.value2()));
        return members;
    }

    @Override
    public void addParty(Party party) {
        change(tx -> tx.insertInto(PartyRow.T).set(PartyRow.CODE, party.code()).set(PartyRow.NAME, party.name())
                .set(PartyRow.KIND, party.kind().name()).set(PartyRow.CREATED_AT, SqlValues.odt(party.createdAt()))
                .set(PartyRow.SOURCE_PRIORITY, party.sourcePriority()).execute());
    }

    @Override
    public void addMember(String group, String member) {
        change(tx -> tx.insertInto(PartyMember.T).set(PartyMember.GROUP_CODE, group)
                .set(PartyMember.MEMBER_CODE, member).execute());
    }

    @Override
    public void removeMember(String group, String member) {
        change(tx -> tx.deleteFrom(PartyMember.T).where(PartyMember.GROUP_CODE.eq(group))
                .and(PartyMember.MEMBER_CODE.eq(member)).execute());
    }

    @Override
    public List<User> users() {
        return dsl.select(UserRow.NAME, UserRow.PARTY_CODE, UserRow.ROLE, UserRow.CREATED_AT, UserRow.DISABLED)
                .from(UserRow.T).orderBy(UserRow.NAME)
                .fetch(r -> new User(r.value1(), r.value2(), Role.valueOf(r.value3()), r.value4().toInstant(),
                        r.value5()));
    }

    @Override
    public void addUser(User user) {
        change(tx -> tx.insertInto(UserRow.T).set(UserRow.NAME, user.name()).set(UserRow.PARTY_CODE, user.party())
                .set(UserRow.ROLE, user.role().name()).set(UserRow.CREATED_AT, SqlValues.odt(user.createdAt()))
                .set(UserRow.DISABLED, user.disabled()).execute());
    }

    @Override
    public void setUserDisabled(String name, boolean disabled) {
        change(tx -> tx.update(UserRow.T).set(UserRow.DISABLED, disabled).where(UserRow.NAME.eq(name)).execute());
    }

    @Override
    public List<StoredToken> tokens() {
        return dsl.select(TokenRow.ID, TokenRow.USER_NAME, TokenRow.DESCRIPTION, TokenRow.CREATED_AT,
                        TokenRow.EXPIRES_AT, TokenRow.REVOKED_AT, TokenRow.TOKEN_HASH).from(TokenRow.T)
                .orderBy(TokenRow.ID)
                .fetch(r -> new StoredToken(new ApiToken(r.value1(), r.value2(), r.value3(), r.value4().toInstant(),
                        r.value5().toInstant(), Optional.ofNullable(r.value6()).map(OffsetDateTime::toInstant)),
                        r.value7()));
    }

    @Override
    public ApiToken addToken(String userName, String sha256, String description, Instant createdAt,
                             Instant expiresAt) {
        long[] id = new long[1];
        change(tx -> id[0] = tx.insertInto(TokenRow.T).set(TokenRow.USER_NAME, userName)
                .set(TokenRow.TOKEN_HASH, sha256).set(TokenRow.DESCRIPTION, description)
                .set(TokenRow.CREATED_AT, SqlValues.odt(createdAt))
                .set(TokenRow.EXPIRES_AT, SqlValues.odt(expiresAt))
                .returningResult(TokenRow.ID).fetchOne().value1());
        return new ApiToken(id[0], userName, description, SqlValues.odt(createdAt).toInstant(),
                SqlValues.odt(expiresAt).toInstant(), Optional.empty());
    }

    @Override
    public boolean revokeToken(long id, Instant at) {
        int[] updated = new int[1];
        change(tx -> updated[0] = tx.update(TokenRow.T).set(TokenRow.REVOKED_AT, SqlValues.odt(at))
                .where(TokenRow.ID.eq(id)).and(TokenRow.REVOKED_AT.isNull()).execute());
        return updated[0] > 0;
    }

    @Override
    public List<Agreement> agreements() {
        return dsl.select(AgreementRow.ALL).from(AgreementRow.T).orderBy(AgreementRow.ID)
                .fetch(JooqSharingStore::toAgreement);
    }

    @Override
    public Optional<Agreement> findAgreement(long id) {
        return dsl.select(AgreementRow.ALL).from(AgreementRow.T).where(AgreementRow.ID.eq(id))
                .fetchOptional(JooqSharingStore::toAgreement);
    }

    @Override
    public Agreement addAgreement(Agreement a) {
        long[] id = new long[1];
        change(tx -> id[0] = tx.insertInto(AgreementRow.T).set(AgreementRow.GRANTOR, a.grantor())
                .set(AgreementRow.CREATED_AT, SqlValues.odt(a.createdAt())).set(terms(a))
                .returningResult(AgreementRow.ID).fetchOne().value1());
        return findAgreement(id[0]).orElseThrow();
    }

    @Override
    public boolean updateAgreement(Agreement a) {
        int[] updated = new int[1];
        change(tx -> updated[0] = tx.update(AgreementRow.T).set(terms(a))
                .where(AgreementRow.ID.eq(a.id())).and(AgreementRow.VERSION.eq(a.version() - 1)).execute());
        return updated[0] > 0;
    }

    /** The columns an amendment may change: everything but the id, the grantor and the creation time. */
    private static Map<Field<?>, Object> terms(Agreement a) {
        Map<Field<?>, Object> columns = new java.util.LinkedHashMap<>();
        columns.put(AgreementRow.RECIPIENTS, String.join(",", a.recipients()));
        columns.put(AgreementRow.DATA_KINDS, kinds(a.kinds()));
        columns.put(AgreementRow.INCLUDES_THIRD_PARTY, a.includesThirdParty());
        columns.put(AgreementRow.VALID_FROM, SqlValues.odt(a.validFrom()));
        columns.put(AgreementRow.VALID_TO, a.validTo().map(SqlValues::odt).orElse(null));
        columns.put(AgreementRow.REVOKED_AT, a.revokedAt().map(SqlValues::odt).orElse(null));
        columns.put(AgreementRow.VERSION, a.version());
        columns.put(AgreementRow.CHANGED_AT, SqlValues.odt(a.changedAt()));
        columns.put(AgreementRow.CHANGED_BY, a.changedBy());
        return columns;
    }

    private static String kinds(Set<DataKind> kinds) {
        return kinds.stream().map(DataKind::code).sorted().collect(Collectors.joining(","));
    }

    private static Agreement toAgreement(Record r) {
        return new Agreement(r.get(AgreementRow.ID), r.get(AgreementRow.GRANTOR),
                new TreeSet<>(Arrays.asList(r.get(AgreementRow.RECIPIENTS).split(","))),
                Arrays.stream(r.get(AgreementRow.DATA_KINDS).split(",")).map(DataKind::ofStored)
                        .collect(Collectors.toSet()),
                r.get(AgreementRow.INCLUDES_THIRD_PARTY), r.get(AgreementRow.VALID_FROM).toInstant(),
                Optional.ofNullable(r.get(AgreementRow.VALID_TO)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.get(AgreementRow.REVOKED_AT)).map(OffsetDateTime::toInstant),
                r.get(AgreementRow.VERSION), r.get(AgreementRow.CREATED_AT).toInstant(),
                r.get(AgreementRow.CHANGED_AT).toInstant(), r.get(AgreementRow.CHANGED_BY));
    }

    @Override
    public Map<Long, Label> labels() {
        return labelIds.after(0);
    }
}
