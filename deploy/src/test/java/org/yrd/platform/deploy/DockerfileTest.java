package org.yrd.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The one parametrized image definition: layered Boot jar, JRE base, non-root, health check, container JVM flags. */
class DockerfileTest {

    static final Path DOCKERFILE = Deploy.path("docker/Dockerfile");

    @Test
    void theImageRunsTheLayeredJarOnAJreAsANonRootUserWithContainerAwareJvmFlags() {
        String dockerfile = Deploy.read(DOCKERFILE);
        assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
                .contains("java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher")
                .contains("org.springframework.boot.loader.launch.JarLauncher")
                .contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        // the runtime stage (after the last FROM) runs as a numeric non-root user and has a health check
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).startsWith("\nFROM ${JRE_IMAGE}");
        assertThat(runtime).containsPattern("(?m)^USER 10001:10001$").contains("HEALTHCHECK")
                .doesNotContain("curl").doesNotContain("wget");
        // the layers, least-changing first
        List<String> layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        int previous = -1;
        for (String layer : layers) {
            int at = runtime.indexOf("/tmp/extracted/" + layer + "/");
            assertThat(at).as(layer + " layer copied after the previous one").isGreaterThan(previous);
            previous = at;
        }
        assertThat(Deploy.path("docker/Dockerfile.dockerignore")).exists();
        assertThat(Deploy.read(Deploy.path("docker/Dockerfile.dockerignore"))).contains("**/target");
    }

    @Test
    void everyApplicationModuleBuildsALayeredBootJar() {
        for (String application : Deploy.APPLICATIONS) {
            String pom = Deploy.read(Deploy.root().resolve(application).resolve("pom.xml"));
            assertThat(pom).as(application).contains("spring-boot-maven-plugin");
        }
    }

    @Test
    void theHealthCheckClassCompilesForJava17() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK runs the build").isNotNull();
        Path out = Files.createTempDirectory("healthcheck");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = compiler.run(null, null, errors, "--release", "17", "-d", out.toString(),
                Deploy.path("docker/HealthCheck.java").toString());
        assertThat(result).as(errors.toString()).isZero();
        assertThat(out.resolve("HealthCheck.class")).exists();
    }
}
