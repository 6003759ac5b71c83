package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {
    @Test
    void flagsConfigureTheEmulator() {
        GeminiEmulator e = EmulatorMain.configure(
                new String[] {
                    "--port",
                    "0",
                    "--host",
                    "127.0.0.1",
                    "--latency-ms",
                    "0",
                    "--rate-429=0.0",
                    "--chunk-tokens",
                    "3",
                    "--models",
                    "gemini-x,models/gemini-y",
                    "--require-api-key",
                    "k",
                    "--in-memory"
                },
                System.out);
        try (GeminiEmulator started = e.start()) {
            Http http = new Http(started.baseUrl());
            assertThat(http.get("/v1beta/models/gemini-x", "x-goog-api-key", "k")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(http.get("/v1beta/models/gemini-2.0-flash", "x-goog-api-key", "k")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(http.get("/v1beta/models/gemini-y").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void idleTimeoutFlagClosesAStalledRequest() throws IOException {
        GeminiEmulator e = EmulatorMain.configure(
                new String[] {"--port", "0", "--in-memory", "--idle-timeout", "PT0.3S", "--max-connections", "16"},
                System.out);
        try (GeminiEmulator started = e.start();
                Socket socket = new Socket("127.0.0.1", started.port())) {
            socket.getOutputStream().write("GET /emulator/he".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(15_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--idle-timeout", "30"}, System.out))
                .hasMessageContaining("--idle-timeout needs a positive ISO-8601 duration");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--max-connections", "0"}, System.out))
                .hasMessageContaining("maxConnections");
    }

    @Test
    void helpAndBadFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(EmulatorMain.configure(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--require-api-key")
                .contains("--rate-503")
                .contains("--idle-timeout")
                .contains("--max-connections");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--port", "x"}, System.out))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--rate-500", "2"}, System.out))
                .hasMessageContaining("--rate-500");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--frobnicate", "1"}, System.out))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--port"}, System.out))
                .hasMessageContaining("needs a value");
    }
}
