package dev.ecsguard.classfile;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files under given package prefixes of a jar to Java 8's class-file version,
 * with stack map frames computed. picocli ships Java 5 class files, which the JVM's class-data and
 * ahead-of-time caches refuse to hold, so every ecsguard start parsed and verified them anew (about
 * a third of a cold start). The bytecode itself is unchanged. Every rewritten class is then loaded
 * and initialised from the new jar, so a bad frame fails the build, not a user's run.
 *
 * <p>Usage: {@code Java8ClassFileUpgrade JAR PREFIX...}, e.g. {@code ecsguard.jar picocli/}.
 */
public final class Java8ClassFileUpgrade {
  private Java8ClassFileUpgrade() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: Java8ClassFileUpgrade JAR PREFIX...");
    }
    Path jar = Path.of(args[0]);
    List<String> prefixes = List.of(args).subList(1, args.length);
    Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
    List<String> rewritten = new ArrayList<>();
    try (URLClassLoader original = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgraded))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        String name = entry.getName();
        if (name.endsWith(".class")
            && prefixes.stream().anyMatch(name::startsWith)
            && isBeforeJava8(bytes)) {
          bytes = upgrade(bytes, original);
          rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(entry.getTime()); // the same input gives the same jar
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    verify(upgraded, rewritten);
    Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean isBeforeJava8(byte[] classFile) {
    int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    return major < Opcodes.V1_8;
  }

  private static byte[] upgrade(byte[] classFile, ClassLoader types) {
    ClassReader reader = new ClassReader(classFile);
    // Not given the reader: ASM would copy the methods unchanged, without the frames Java 8 needs.
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return types; // frames need the common superclass of types from the jar itself
          }
        };
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /**
   * Loads and initialises every rewritten class, which verifies its bytecode against its frames.
   */
  private static void verify(Path jar, List<String> classes)
      throws IOException, ClassNotFoundException {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : classes) {
        Class.forName(name, true, loader);
      }
    }
  }
}
