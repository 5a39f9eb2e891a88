package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library modules load on the module path: rng-core, game-math and audit-log as named modules exporting only
 * their API packages (with their dependencies Bouncy Castle and Jackson as modules), the JCA provider found as a
 * service of the layer, a slot round played through the named modules; simulations, certification and server as
 * automatic modules with a stable name (their jars' Automatic-Module-Name), when the build has made jars (the
 * cli's own jar and simulations-spark, which depends on the cli, are not on this test's class path).
 */
class ModulePathTest {
    /** The runtime modules of the libraries: the fairspin modules and their dependencies, nothing of the tests. */
    private static final List<String> RUNTIME = List.of("bcprov", "jackson-databind", "jackson-core",
            "jackson-annotations", "commons-math3");

    private static List<Path> modulePath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            boolean fairspinJar = name.startsWith("fairspin-") && name.endsWith(".jar") && !name.contains("tests");
            boolean fairspinClasses = Files.isRegularFile(path.resolve("module-info.class"));
            boolean dependency = name.endsWith(".jar") && RUNTIME.stream().anyMatch(name::startsWith);
            if (fairspinJar || fairspinClasses || dependency) {
                entries.add(path);
            }
        }
        return entries;
    }

    @Test
    void theLibrariesLoadAsNamedModules() throws Exception {
        List<Path> path = modulePath();
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
                Set.of("io.fairspin.rng", "io.fairspin.math", "io.fairspin.audit"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());

        assertTrue(exports(layer, "io.fairspin.rng").containsAll(Set.of("io.fairspin.rng", "io.fairspin.rng.escrow",
                "io.fairspin.rng.kat", "io.fairspin.rng.jca")));
        Set<String> math = exports(layer, "io.fairspin.math");
        assertTrue(math.containsAll(Set.of("io.fairspin.math", "io.fairspin.math.slot")), math.toString());
        // Model reading and the table games' engine are internal: reached through Game and GameModels.
        assertTrue(!math.contains("io.fairspin.math.json")
                && math.stream().noneMatch(p -> p.startsWith("io.fairspin.math.table"))
                && !math.contains("io.fairspin.math.slot.reading"), math.toString());
        Set<String> audit = exports(layer, "io.fairspin.audit");
        assertTrue(audit.contains("io.fairspin.audit.log") && !audit.contains("io.fairspin.audit.json"), audit.toString());
        assertTrue(layer.findModule("org.bouncycastle.provider").isPresent());
        assertTrue(layer.findModule("com.fasterxml.jackson.databind").isPresent());

        // The JCA provider, as a service of the layer, hands out the certified generator.
        Provider provider = ServiceLoader.load(layer, Provider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getName().equals("FAIRSPIN")).findFirst().orElseThrow();
        assertEquals("io.fairspin.rng", provider.getClass().getModule().getName());
        SecureRandom random = SecureRandom.getInstance("FAIRSPIN-CTR-DRBG", provider);
        assertEquals(8, random.generateSeed(8).length);
        random.nextInt();

        // A slot round through the named modules: model loading (Jackson) and a recorded round (Jackson tree).
        ClassLoader loader = layer.findLoader("io.fairspin.math");
        Class<?> models = loader.loadClass("io.fairspin.math.GameModels");
        assertEquals("io.fairspin.math", models.getModule().getName());
        Object game = models.getMethod("load", Path.class).invoke(null, Path.of(root(), "examples/sizzling-hot.json"));
        Class<?> certified = loader.loadClass("io.fairspin.rng.CertifiedRandom");
        Object builder = certified.getMethod("builder").invoke(null);
        Object stream = builder.getClass().getMethod("build").invoke(builder);
        Class<?> gameType = loader.loadClass("io.fairspin.math.Game");
        Method play = gameType.getMethod("playRecorded", loader.loadClass("io.fairspin.rng.RandomStream"));
        assertNotNull(play.invoke(game, stream));
    }

    @Test
    void theOtherJarsHaveAStableAutomaticModuleName() throws Exception {
        List<Path> jars = modulePath().stream().filter(p -> p.getFileName().toString().startsWith("fairspin-"))
                .filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toList());
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String expected = name.startsWith("fairspin-simulations-spark") ? "io.fairspin.sim.spark"
                    : name.startsWith("fairspin-simulations") ? "io.fairspin.sim"
                    : name.startsWith("fairspin-certification") ? "io.fairspin.cert"
                    : name.startsWith("fairspin-server") ? "io.fairspin.server" : null;
            if (expected == null) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                assertEquals(expected, file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), name);
            }
            ModuleDescriptor descriptor = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
            assertEquals(expected, descriptor.name());
            assertTrue(descriptor.isAutomatic());
        }
    }

    private static Set<String> exports(ModuleLayer layer, String module) {
        ModuleDescriptor descriptor = layer.findModule(module).orElseThrow().getDescriptor();
        assertTrue(!descriptor.isAutomatic(), module + " has a module-info");
        // Every exported package is the module's own; nothing is exported to the world by a qualified name.
        assertTrue(descriptor.packages().containsAll(descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source).toList()), module);
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String root() {
        return System.getProperty("fairspin.root", ".");
    }
}
