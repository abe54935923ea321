package org.concord.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.concord.access.Agreement;
import org.concord.access.ApiToken;
import org.concord.access.Party;
import org.concord.access.PartyKind;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.access.User;
import org.concord.input.Numbers;
import org.concord.label.DataKind;
import org.concord.node.Node;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code party}, {@code user}, {@code token} and {@code agreement}: the node administrator's commands. */
final class SharingCommands {

    private SharingCommands() {
    }

    /** The local administrator at the command line, as the audit trail names it. */
    static Principal localAdministrator() {
        return Principal.localOperator(System.getProperty("user.name", "unknown"));
    }

    @Command(name = "party", description = "Declare the parties this node knows: nations, agencies, operators, groups.",
            subcommands = {PartyCommand.Add.class, PartyCommand.ListParties.class, PartyCommand.AddMember.class,
                PartyCommand.RemoveMember.class, PartyCommand.Priority.class})
    static final class PartyCommand {

        @ParentCommand
        ConcordCli parent;

        @Command(name = "add", description = "Add a party, e.g. party add GBR --name \"United Kingdom\" --kind nation")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            PartyCommand party;
            @Parameters(paramLabel = "CODE", description = "ISO 3166 alpha-3 code or agency/operator/group id")
            String code;
            @Option(names = "--name", required = true, description = "Full name")
            String name;
            @Option(names = "--kind", required = true, description = "nation, agency, operator or group")
            String kind;

            @Override
            public Integer call() {
                try (Node node = party.parent.openNode()) {
                    Party p = node.sharing().addParty(code.toUpperCase(java.util.Locale.ROOT), name,
                            PartyKind.parse(kind), localAdministrator());
                    System.out.println("added party " + p.code() + " (" + p.kind().name().toLowerCase(Locale.ROOT) + ")");
                }
                return 0;
            }
        }

        @Command(name = "list", description = "List the parties, with the members of each group.")
        static final class ListParties implements Callable<Integer> {
            @ParentCommand
            PartyCommand party;

            @Override
            public Integer call() {
                try (Node node = party.parent.openNode()) {
                    Map<String, Set<String>> members = node.sharing().groupMembers();
                    for (Party p : node.sharing().parties()) {
                        System.out.printf("%-12s %-9s priority %-4d %s%s%n", p.code(),
                                p.kind().name().toLowerCase(Locale.ROOT), p.sourcePriority(), p.name(),
                                p.kind() == PartyKind.GROUP ? "  members: " + String.join(",",
                                        members.getOrDefault(p.code(), Set.of())) : "");
                    }
                }
                return 0;
            }
        }

        @Command(name = "member-add", description = "Make a party a member of a group, e.g. party member-add CSPO GBR")
        static final class AddMember implements Callable<Integer> {
            @ParentCommand
            PartyCommand party;
            @Parameters(index = "0", paramLabel = "GROUP")
            String group;
            @Parameters(index = "1", paramLabel = "MEMBER")
            String member;

            @Override
            public Integer call() {
                try (Node node = party.parent.openNode()) {
                    node.sharing().addMember(group.toUpperCase(java.util.Locale.ROOT),
                            member.toUpperCase(java.util.Locale.ROOT), localAdministrator());
                    System.out.println(member + " is now a member of " + group);
                }
                return 0;
            }
        }

        @Command(name = "priority", description = "Set a party's source priority, e.g. party priority GBR 10: of an"
                + " object's records at the same newest epoch, the one from the higher priority is its latest.")
        static final class Priority implements Callable<Integer> {
            @ParentCommand
            PartyCommand party;
            @Parameters(index = "0", paramLabel = "CODE")
            String code;
            @Parameters(index = "1", paramLabel = "PRIORITY", description = "An integer; 0 by default, higher wins")
            int priority;

            @Override
            public Integer call() {
                try (Node node = party.parent.openNode()) {
                    SharingService.PriorityChange change = node.sharing().setSourcePriority(
                            code.toUpperCase(java.util.Locale.ROOT), priority, localAdministrator());
                    System.out.println("source priority of " + change.party().code() + ": "
                            + change.previousPriority() + " -> " + priority + "; latest orbit of "
                            + change.latestOrbitsChanged() + " objects changed");
                }
                return 0;
            }
        }

        @Command(name = "member-remove", description = "Remove a party from a group (takes effect at once).")
        static final class RemoveMember implements Callable<Integer> {
            @ParentCommand
            PartyCommand party;
            @Parameters(index = "0", paramLabel = "GROUP")
            String group;
            @Parameters(index = "1", paramLabel = "MEMBER")
            String member;

            @Override
            public Integer call() {
                try (Node node = party.parent.openNode()) {
                    node.sharing().removeMember(group.toUpperCase(java.util.Locale.ROOT),
                            member.toUpperCase(java.util.Locale.ROOT), localAdministrator());
                    System.out.println(member + " is no longer a member of " + group);
                }
                return 0;
            }
        }
    }

    @Command(name = "user", description = "Manage the users of this node.",
            subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class})
    static final class UserCommand {

        @ParentCommand
        ConcordCli parent;

        @Command(name = "add", description = "Add a user, e.g. user add alice --party GBR --role analyst")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            UserCommand user;
            @Parameters(paramLabel = "NAME")
            String name;
            @Option(names = "--party", required = true)
            String party;
            @Option(names = "--role", required = true, description = "admin, analyst, operator or viewer")
            String role;

            @Override
            public Integer call() {
                try (Node node = user.parent.openNode()) {
                    User u = node.sharing().addUser(name, party.toUpperCase(java.util.Locale.ROOT), Role.parse(role), localAdministrator());
                    System.out.println("added user " + u.name() + " of " + u.party() + " as "
                            + u.role().name().toLowerCase(Locale.ROOT));
                }
                return 0;
            }
        }

        @Command(name = "list", description = "List the users.")
        static final class ListUsers implements Callable<Integer> {
            @ParentCommand
            UserCommand user;

            @Override
            public Integer call() {
                try (Node node = user.parent.openNode()) {
                    for (User u : node.sharing().users()) {
                        System.out.printf("%-24s %-8s %-9s %s%n", u.name(), u.party(), u.role().name().toLowerCase(Locale.ROOT),
                                u.disabled() ? "disabled" : "enabled");
                    }
                }
                return 0;
            }
        }

        @Command(name = "disable", description = "Disable (or with --enable, enable again) a user and all its tokens.")
        static final class Disable implements Callable<Integer> {
            @ParentCommand
            UserCommand user;
            @Parameters(paramLabel = "NAME")
            String name;
            @Option(names = "--enable")
            boolean enable;

            @Override
            public Integer call() {
                try (Node node = user.parent.openNode()) {
                    node.sharing().setUserDisabled(name, !enable, localAdministrator());
                    System.out.println("user " + name + (enable ? " enabled" : " disabled"));
                }
                return 0;
            }
        }
    }

    @Command(name = "token", description = "Issue, list and revoke API tokens.",
            subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
    static final class TokenCommand {

        @ParentCommand
        ConcordCli parent;

        @Command(name = "create", description = "Issue a token for a user. It is printed once and stored only as a hash.")
        static final class Create implements Callable<Integer> {
            @ParentCommand
            TokenCommand token;
            @Option(names = "--user", required = true)
            String user;
            @Option(names = "--days", defaultValue = "90", description = "Lifetime in days (default ${DEFAULT-VALUE})")
            String days;
            @Option(names = "--description", defaultValue = "")
            String description;

            @Override
            public Integer call() {
                Duration lifetime = Duration.ofDays(Numbers.whole("--days", days, 1,
                        SharingService.MAX_TOKEN_LIFETIME.toDays()));
                try (Node node = token.parent.openNode()) {
                    SharingService.IssuedToken issued = node.sharing().createToken(user, description, lifetime,
                            localAdministrator());
                    System.err.println("token " + issued.token().id() + " for " + user + ", expires "
                            + issued.token().expiresAt() + "; it is shown only now:");
                    System.out.println(issued.secret());
                }
                return 0;
            }
        }

        @Command(name = "list", description = "List tokens (never their secrets).")
        static final class ListTokens implements Callable<Integer> {
            @ParentCommand
            TokenCommand token;

            @Override
            public Integer call() {
                try (Node node = token.parent.openNode()) {
                    for (ApiToken t : node.sharing().tokens()) {
                        System.out.printf("%-5d %-24s expires %s%s %s%n", t.id(), t.userName(), t.expiresAt(),
                                t.revokedAt().map(r -> " revoked " + r).orElse(""), t.description());
                    }
                }
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revoke a token (takes effect at once).")
        static final class Revoke implements Callable<Integer> {
            @ParentCommand
            TokenCommand token;
            @Parameters(paramLabel = "ID")
            long id;

            @Override
            public Integer call() {
                try (Node node = token.parent.openNode()) {
                    node.sharing().revokeToken(id, localAdministrator());
                    System.out.println("token " + id + " revoked");
                }
                return 0;
            }
        }
    }

    /** The terms of an agreement as options, shared by add and amend. */
    static final class TermsOptions {
        @Option(names = "--grantor", required = true, description = "The releasing party")
        String grantor;
        @Option(names = "--to", required = true, description = "Recipient parties or groups, e.g. USA,AUS")
        String recipients;
        @Option(names = "--kinds", required = true,
                description = "Kinds of data this node serves, e.g. orbits,conjunctions, or all")
        String kinds;
        @Option(names = "--third-party", description = "Also other originators' data the grantor holds and may re-release")
        boolean thirdParty;
        @Option(names = "--from", description = "Start: a date such as 2027-01-01 (midnight UTC) or an ISO-8601 time"
                + " such as 2027-01-01T12:00:00Z (default now)")
        Instant from;
        @Option(names = "--until", description = "End, as --from (default open-ended)")
        Instant until;

        SharingService.Terms terms(org.concord.label.DataKinds served) {
            return new SharingService.Terms(grantor.toUpperCase(java.util.Locale.ROOT),
                    SharingService.parseParties(recipients), served.parseList(kinds), thirdParty,
                    Optional.ofNullable(from).orElseGet(Instant::now), Optional.ofNullable(until));
        }
    }

    @Command(name = "agreement", description = "Create, amend, revoke and list release agreements.",
            subcommands = {AgreementCommand.Add.class, AgreementCommand.Amend.class, AgreementCommand.Revoke.class,
                AgreementCommand.ListAgreements.class})
    static final class AgreementCommand {

        @ParentCommand
        ConcordCli parent;

        @Command(name = "add", description = "e.g. agreement add --grantor GBR --to USA,AUS --kinds orbits,conjunctions")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            AgreementCommand agreement;
            @ArgGroup(exclusive = false, multiplicity = "1")
            TermsOptions terms;

            @Override
            public Integer call() {
                try (Node node = agreement.parent.openNode()) {
                    print(node.sharing().addAgreement(terms.terms(node.sharing().kinds()), localAdministrator()));
                }
                return 0;
            }
        }

        @Command(name = "amend", description = "Replace the terms of an agreement (its version rises).")
        static final class Amend implements Callable<Integer> {
            @ParentCommand
            AgreementCommand agreement;
            @Parameters(paramLabel = "ID")
            long id;
            @ArgGroup(exclusive = false, multiplicity = "1")
            TermsOptions terms;

            @Override
            public Integer call() {
                try (Node node = agreement.parent.openNode()) {
                    print(node.sharing().amendAgreement(id, terms.terms(node.sharing().kinds()), localAdministrator()));
                }
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revoke an agreement: release under it stops at once.")
        static final class Revoke implements Callable<Integer> {
            @ParentCommand
            AgreementCommand agreement;
            @Parameters(paramLabel = "ID")
            long id;

            @Override
            public Integer call() {
                try (Node node = agreement.parent.openNode()) {
                    print(node.sharing().revokeAgreement(id, localAdministrator()));
                }
                return 0;
            }
        }

        @Command(name = "list", description = "List agreements.")
        static final class ListAgreements implements Callable<Integer> {
            @ParentCommand
            AgreementCommand agreement;

            @Override
            public Integer call() {
                try (Node node = agreement.parent.openNode()) {
                    node.sharing().agreements().forEach(SharingCommands::print);
                }
                return 0;
            }
        }
    }

    static void print(Agreement a) {
        List<String> kinds = a.kinds().stream().map(DataKind::code).sorted().toList();
        System.out.printf("agreement %d v%d: %s releases %s%s to %s, from %s%s%s%n", a.id(), a.version(), a.grantor(),
                String.join(",", kinds), a.includesThirdParty() ? " (own and third-party)" : " (own)",
                String.join(",", a.recipients()), a.validFrom(), a.validTo().map(t -> " until " + t).orElse(""),
                a.revokedAt().map(t -> ", REVOKED " + t).orElse(""));
    }
}
