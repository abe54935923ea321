package org.concord.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies: adapters → composition root → store and domain; the store implements domain
 * interfaces. The packages are enumerated from the compiled classes, not listed here: every package directly under
 * {@code org.concord} is an adapter, the composition root, the store, or a domain package, so a new package is held to
 * the domain rules the day it exists, and a class the roles cannot place fails the test.
 */
class LayeringTest {

    private static final String ROOT = "org.concord";

    enum Role { ADAPTER, COMPOSITION_ROOT, STORAGE, DOMAIN }

    /** The packages with a role other than domain; every other package under {@code org.concord} is domain. */
    private static final Map<String, Role> INFRASTRUCTURE = Map.of(
            "http", Role.ADAPTER,
            "cli", Role.ADAPTER,
            "node", Role.COMPOSITION_ROOT,
            "store", Role.STORAGE);

    /** Libraries of the adapters and of storage, which the domain never touches. */
    private static final String[] INFRASTRUCTURE_LIBRARIES = {"io.javalin..", "org.jooq..", "java.sql..", "javax.sql..",
            "com.zaxxer..", "org.flywaydb..", "picocli.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The package directly under {@code org.concord} that holds the class, if it lies in one. */
    private static Optional<String> topPackage(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        return Optional.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
    }

    private static Role roleOf(String topPackage) {
        return INFRASTRUCTURE.getOrDefault(topPackage, Role.DOMAIN);
    }

    private static Set<String> topPackages() {
        return classes.stream().map(LayeringTest::topPackage).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String[] packagesWith(Role role) {
        return topPackages().stream().filter(name -> roleOf(name) == role)
                .map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

    private static String[] packagesWithout(Role... roles) {
        Set<Role> excluded = Set.of(roles);
        return topPackages().stream().filter(name -> !excluded.contains(roleOf(name)))
                .map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

    @Test
    void everyClassLiesInAPackageWithARole() {
        assertThat(classes.stream().filter(javaClass -> topPackage(javaClass).isEmpty()).map(JavaClass::getName))
                .as("classes directly in %s, outside any package with a role", ROOT)
                .isEmpty();
        assertThat(topPackages()).as("every named infrastructure package exists")
                .containsAll(INFRASTRUCTURE.keySet());
        assertThat(packagesWith(Role.DOMAIN)).as("the domain packages found in the classes")
                .contains(ROOT + ".label..", ROOT + ".access..", ROOT + ".federation..");
    }

    @Test
    void everyPackageSaysWhatItIsForInAPackageInfo() {
        assertThat(classes.stream().map(JavaClass::getPackageName).distinct()
                .map(name -> Path.of("src/main/java", name.replace('.', '/'), "package-info.java"))
                .filter(packageInfo -> !Files.isRegularFile(packageInfo)))
                .as("packages without a package-info.java")
                .isEmpty();
    }

    /** The "Depends on ..." sentence of a package-info, up to its semicolon or full stop. */
    private static final Pattern DEPENDS_ON = Pattern.compile("Depends on (.*?)(;|\\.(\\s|$))");
    private static final Pattern CODE = Pattern.compile("\\{@code (\\w+)}");

    /** The packages the package-info of a top package names in its "Depends on" sentence, if it has one. */
    private static Optional<Set<String>> declaredDependencies(String topPackage) throws IOException {
        String text = Files.readString(Path.of("src/main/java", ROOT.replace('.', '/'), topPackage,
                "package-info.java")).replaceAll("\\s*\\n\\s*\\*?\\s*", " ");
        Matcher sentence = DEPENDS_ON.matcher(text);
        if (!sentence.find()) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(sentence.group(1));
        Set<String> named = new TreeSet<>();
        while (code.find()) {
            named.add(code.group(1));
        }
        return Optional.of(named);
    }

    /** The other top packages the classes of a top package depend on. */
    private static Set<String> actualDependencies(String topPackage) {
        return classes.stream().filter(javaClass -> topPackage(javaClass).equals(Optional.of(topPackage)))
                .flatMap(javaClass -> javaClass.getDirectDependenciesFromSelf().stream())
                .map(dependency -> topPackage(dependency.getTargetClass().getBaseComponentType()))
                .flatMap(Optional::stream)
                .filter(target -> !target.equals(topPackage))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Each domain package's package-info says which Concord packages it depends on ("Depends on {@code a},
     * {@code b} ..."; "Depends on no other Concord package"), and says it exactly: a dependency the sentence does not
     * name, or a name the classes do not depend on, fails, so the prose cannot drift from the code. The adapters,
     * the composition root and the store are held by their roles above instead.
     */
    @Test
    void everyDomainPackageInfoNamesExactlyThePackagesItDependsOn() throws IOException {
        Map<String, Set<String>> undeclared = new TreeMap<>();
        Map<String, Set<String>> unused = new TreeMap<>();
        Set<String> silent = new TreeSet<>();
        for (String topPackage : topPackages()) {
            if (roleOf(topPackage) != Role.DOMAIN) {
                continue;
            }
            Optional<Set<String>> declared = declaredDependencies(topPackage);
            if (declared.isEmpty()) {
                silent.add(topPackage);
                continue;
            }
            Set<String> actual = actualDependencies(topPackage);
            Set<String> missing = new TreeSet<>(actual);
            missing.removeAll(declared.get());
            if (!missing.isEmpty()) {
                undeclared.put(topPackage, missing);
            }
            Set<String> stale = new TreeSet<>(declared.get());
            stale.removeAll(actual);
            if (!stale.isEmpty()) {
                unused.put(topPackage, stale);
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(silent).as("domain packages whose package-info has no \"Depends on\" sentence")
                    .isEmpty();
            softly.assertThat(undeclared).as("dependencies a package-info does not name (package: packages)")
                    .isEmpty();
            softly.assertThat(unused).as("packages a package-info names but its classes do not depend on")
                    .isEmpty();
        });
    }

    @Test
    void domainPackagesUseNeitherHttpNorSqlNorTheCommandLine() {
        String[] domain = packagesWith(Role.DOMAIN);
        String[] infrastructure = packagesWithout(Role.DOMAIN);
        String[] forbidden = Arrays.copyOf(INFRASTRUCTURE_LIBRARIES,
                INFRASTRUCTURE_LIBRARIES.length + infrastructure.length);
        System.arraycopy(infrastructure, 0, forbidden, INFRASTRUCTURE_LIBRARIES.length, infrastructure.length);
        noClasses().that().resideInAnyPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .check(classes);
    }

    @Test
    void theLabelAlgebraStandsAlone() {
        noClasses().that().resideInAPackage("org.concord.label..")
                .should().dependOnClassesThat().resideInAnyPackage("org.concord.(*)..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("org.concord.label..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheAdaptersKnowTheAdapters() {
        noClasses().that().resideInAnyPackage(packagesWithout(Role.ADAPTER))
                .should().dependOnClassesThat().resideInAnyPackage(packagesWith(Role.ADAPTER))
                .check(classes);
        noClasses().that().resideInAPackage("org.concord.http..")
                .should().dependOnClassesThat().resideInAPackage("org.concord.cli..")
                .check(classes);
    }

    @Test
    void theCompositionRootIsKnownOnlyToTheAdapters() {
        noClasses().that().resideInAnyPackage(packagesWithout(Role.ADAPTER, Role.COMPOSITION_ROOT))
                .should().dependOnClassesThat().resideInAnyPackage(packagesWith(Role.COMPOSITION_ROOT))
                .check(classes);
    }

    @Test
    void theStoreIsReachedOnlyThroughTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(packagesWithout(Role.STORAGE, Role.COMPOSITION_ROOT))
                .should().dependOnClassesThat().resideInAnyPackage(packagesWith(Role.STORAGE))
                .check(classes);
    }

    @Test
    void theAdaptersReachTheDatabaseOnlyThroughTheStore() {
        noClasses().that().resideInAnyPackage(packagesWith(Role.ADAPTER))
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "com.zaxxer..", "org.flywaydb..")
                .check(classes);
    }
}
