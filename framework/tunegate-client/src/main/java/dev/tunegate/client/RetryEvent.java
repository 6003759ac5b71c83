package dev.tunegate.client;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One retry decision: which call ({@code "POST /v1beta/models/x:generateContent"}, never a key), which
 * attempt failed (1-based), the HTTP status (0 when no response arrived), why, and how long the client waits.
 */
@API(status = API.Status.STABLE)
public record RetryEvent(String call, int failedAttempt, int httpStatus, String reason, Duration delay) {}
