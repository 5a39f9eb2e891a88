package io.fairspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * fairspin's public API does not expose Jackson: no public or protected member, supertype or record component of a
 * public type in a package the libraries export to everyone names a {@code com.fasterxml} type. The packages are
 * the unqualified exports of the named modules (rng-core, game-math, audit-log) and every package of the automatic
 * ones (simulations, certification, server), found on this test's class path as jars or class folders.
 */
class PublicApiTest {
    private static final List<String> LIBRARIES = List.of("rng-core", "game-math", "audit-log", "simulations",
            "certification", "server");

    @Test
    void noPublicSignatureNamesAJacksonType() throws Exception {
        List<Path> libraries = libraries();
        assertEquals(LIBRARIES.size(), libraries.size(), "libraries on the class path: " + libraries);
        Set<String> leaks = new TreeSet<>();
        int types = 0;
        for (Path library : libraries) {
            for (Class<?> type : apiTypes(library)) {
                types++;
                leaks.addAll(jacksonIn(type));
            }
        }
        assertTrue(types > 50, "only " + types + " public types found");
        assertEquals(Set.of(), leaks, "public signatures naming Jackson types");
    }

    /** The class folder or jar of each library module, as the build put it on the test class path. */
    private static List<Path> libraries() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> found = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            String name = path.getFileName().toString();
            for (String library : LIBRARIES) {
                boolean jar = name.startsWith("fairspin-" + library + "-") && name.endsWith(".jar")
                        && !name.contains("tests") && !name.startsWith("fairspin-simulations-spark");
                boolean classes = name.equals("classes") && path.getParent().getParent().getFileName().toString()
                        .equals(library);
                if (jar || classes) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    /** The public types (nested ones public all the way out) of the packages the library exports to everyone. */
    private static List<Class<?>> apiTypes(Path library) throws IOException, ClassNotFoundException {
        List<String> classFiles = classFiles(library);
        Set<String> exported = exportedPackages(library, classFiles);
        List<Class<?>> types = new ArrayList<>();
        for (String file : classFiles) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
            if (name.endsWith("module-info") || name.endsWith("package-info") || !exported.contains(pkg)) {
                continue;
            }
            Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (publicAllTheWayOut(type)) {
                types.add(type);
            }
        }
        return types;
    }

    private static List<String> classFiles(Path library) throws IOException {
        if (Files.isDirectory(library)) {
            try (Stream<Path> files = Files.walk(library)) {
                return files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> library.relativize(p).toString().replace(File.separatorChar, '/'))
                        .collect(Collectors.toList());
            }
        }
        try (JarFile jar = new JarFile(library.toFile())) {
            return jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .collect(Collectors.toList());
        }
    }

    /** A named module's unqualified exports; every package of a library without a module descriptor. */
    private static Set<String> exportedPackages(Path library, List<String> classFiles) throws IOException {
        if (!classFiles.contains("module-info.class")) {
            return classFiles.stream().filter(f -> f.contains("/"))
                    .map(f -> f.substring(0, f.lastIndexOf('/')).replace('/', '.')).collect(Collectors.toSet());
        }
        ModuleDescriptor descriptor;
        if (Files.isDirectory(library)) {
            try (InputStream in = Files.newInputStream(library.resolve("module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
        } else {
            try (JarFile jar = new JarFile(library.toFile()); InputStream in = jar.getInputStream(
                    jar.getEntry("module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
        }
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    private static boolean publicAllTheWayOut(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** Each visible member or supertype of {@code type} whose signature names a Jackson type. */
    private static List<String> jacksonIn(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        if (namesJackson(supertypes)) {
            leaks.add(type.getName() + " extends or implements a Jackson type");
        }
        // Protected members are API only where a class outside the library can extend the type.
        boolean extendable = !Modifier.isFinal(type.getModifiers()) && !type.isSealed() && !type.isEnum()
                && !type.isRecord() && Arrays.stream(type.getDeclaredConstructors())
                        .anyMatch(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        for (Member member : members) {
            boolean visible = Modifier.isPublic(member.getModifiers()) || type.isInterface()
                    || (extendable && Modifier.isProtected(member.getModifiers()));
            if (!visible || member.isSynthetic() || Modifier.isPrivate(member.getModifiers())) {
                continue;
            }
            if (namesJackson(signature(member))) {
                leaks.add(type.getName() + "." + member.getName() + ": " + member);
            }
        }
        return leaks;
    }

    private static List<Type> signature(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Field field) {
            types.add(field.getGenericType());
        } else {
            Executable executable = (Executable) member;
            types.addAll(Arrays.asList(executable.getGenericParameterTypes()));
            types.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
            if (executable instanceof java.lang.reflect.Method method) {
                types.add(method.getGenericReturnType());
            }
        }
        return types;
    }

    private static boolean namesJackson(List<Type> types) {
        Set<Type> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        return types.stream().anyMatch(t -> namesJackson(t, seen));
    }

    private static boolean namesJackson(Type type, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            return c.getName().startsWith("com.fasterxml.");
        }
        if (type instanceof ParameterizedType p) {
            return namesJackson(p.getRawType(), seen) || namesJackson(p.getOwnerType(), seen)
                    || Arrays.stream(p.getActualTypeArguments()).anyMatch(a -> namesJackson(a, seen));
        }
        if (type instanceof WildcardType w) {
            return Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
                    .anyMatch(b -> namesJackson(b, seen));
        }
        if (type instanceof GenericArrayType g) {
            return namesJackson(g.getGenericComponentType(), seen);
        }
        if (type instanceof TypeVariable<?> v) {
            return Arrays.stream(v.getBounds()).anyMatch(b -> namesJackson(b, seen));
        }
        return false;
    }
}
