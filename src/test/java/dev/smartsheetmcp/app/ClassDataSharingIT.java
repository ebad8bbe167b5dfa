package dev.smartsheetmcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smartsheetmcp.testing.AppProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch command's class-data-sharing archive: the one packaged beside the jar matches it, and
 * a launch whose archive is missing or made for another jar still starts, with stdout (the stdio
 * protocol's) untouched.
 */
class ClassDataSharingIT {

    @TempDir
    Path work;

    @Test
    void thePackagedArchiveMatchesThePackagedJar() throws Exception {
        Path archive = archive(AppProcess.jar());
        assumeTrue(Files.exists(archive) && !Files.getLastModifiedTime(archive).toInstant()
                .isBefore(Files.getLastModifiedTime(AppProcess.jar()).toInstant()), "packaged with -Dcds.skip=true");
        List<String> command = new ArrayList<>(AppProcess.launchCommand(AppProcess.jar()));
        command.add(1, "-Xshare:on"); // fails the launch when the archive cannot be used
        assertThat(version(command)).isEqualTo(new Result(0, "smartsheet-mcp-pipeline"));
    }

    @Test
    void aMissingArchiveIsIgnored() throws Exception {
        Path jar = Files.copy(AppProcess.jar(), work.resolve("app.jar"));
        assertThat(version(AppProcess.launchCommand(jar))).isEqualTo(new Result(0, "smartsheet-mcp-pipeline"));
    }

    @Test
    void anArchiveMadeForAnotherJarIsIgnoredAndItsWarningKeptOffStdout() throws Exception {
        Path jar = Files.copy(AppProcess.jar(), work.resolve("app.jar"));
        Files.copy(archive(AppProcess.jar()), work.resolve("app.jsa"),
                StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(version(AppProcess.launchCommand(jar))).isEqualTo(new Result(0, "smartsheet-mcp-pipeline"));
        assertThat(Files.readString(work.resolve("stderr.log"))).contains("shared archive");
    }

    private static Path archive(Path jar) {
        return Path.of(jar.toString().replaceFirst("\\.jar$", ".jsa"));
    }

    record Result(int exitCode, String stdoutFirstWord) {
    }

    /** Runs {@code --version}: its exit code and the first word of stdout, which holds only the version. */
    private Result version(List<String> launch) throws Exception {
        List<String> command = new ArrayList<>(launch);
        command.add("--version");
        Process process = new ProcessBuilder(command).redirectError(work.resolve("stderr.log").toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout.lines().count()).as("stdout: %s", stdout).isEqualTo(1);
        return new Result(process.exitValue(), stdout.split(" ")[0]);
    }
}
