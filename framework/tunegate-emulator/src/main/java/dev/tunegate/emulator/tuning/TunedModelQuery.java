package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tunedModels.list}: the documented {@code filter} and pagination.
 *
 * <p>Filter grammar: whitespace-separated terms, all of which must hold. {@code owner:me},
 * {@code writers:me} and {@code readers:me} keep the models the caller owns, may write or may read (the
 * emulator has one caller, who owns every model, so these keep everything); {@code readers:everyone}
 * keeps the models shared with everyone (the emulator has no way to share a model with everyone, so
 * none). Any other term, or a {@code "quoted phrase"}, is full text: it must occur, ignoring case, in
 * the display name or the description. Results are ordered by creation time, then name. A page token
 * holds the position after the last model returned and the filter it was made for; it is rejected with
 * another filter.
 */
final class TunedModelQuery {

    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Comparator<TunedModel> ORDER = Comparator.comparing(
                    (TunedModel m) -> m.createTime() == null ? Instant.EPOCH : m.createTime())
            .thenComparing(TunedModel::name);

    private final String filter;
    private final List<String> texts = new ArrayList<>();
    private boolean none;

    TunedModelQuery(String filter) {
        this.filter = filter == null ? "" : filter.trim();
        Matcher matcher = TERM.matcher(this.filter);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                texts.add(matcher.group(1).toLowerCase(Locale.ROOT));
                continue;
            }
            String term = matcher.group(2);
            String lower = term.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "owner:me", "writers:me", "readers:me" -> {}
                case "readers:everyone" -> none = true;
                default -> {
                    if (lower.startsWith("owner:") || lower.startsWith("writers:") || lower.startsWith("readers:")) {
                        throw ApiException.invalidArgument(
                                "filter",
                                "filter term '" + term + "' is not supported;"
                                        + " use owner:me, writers:me, readers:me, readers:everyone or free text.");
                    }
                    texts.add(lower);
                }
            }
        }
    }

    boolean matches(TunedModel model) {
        if (none) {
            return false;
        }
        String haystack = ((model.displayName() == null ? "" : model.displayName()) + "\n"
                        + (model.description() == null ? "" : model.description()))
                .toLowerCase(Locale.ROOT);
        return texts.stream().allMatch(haystack::contains);
    }

    ListTunedModelsResponse page(List<TunedModel> models, Integer pageSize, String pageToken) {
        int size = pageSize(pageSize);
        List<TunedModel> sorted =
                models.stream().filter(this::matches).sorted(ORDER).toList();
        int start = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            String[] position = decode(pageToken, "models");
            if (!position[0].equals(filter)) {
                throw ApiException.invalidArgument(
                        "pageToken", "pageToken was issued for another filter; send the same filter with every page.");
            }
            TunedModel after = TunedModel.builder()
                    .name(position[2])
                    .createTime(Instant.parse(position[1]))
                    .build();
            while (start < sorted.size() && ORDER.compare(sorted.get(start), after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        List<TunedModel> page = sorted.subList(start, end);
        String next = null;
        if (end < sorted.size()) {
            TunedModel last = page.get(page.size() - 1);
            Instant created = last.createTime() == null ? Instant.EPOCH : last.createTime();
            next = encode("models", filter, created.toString(), last.name());
        }
        return new ListTunedModelsResponse(page, next);
    }

    static int pageSize(Integer pageSize) {
        if (pageSize == null || pageSize == 0) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 0) {
            throw ApiException.invalidArgument("pageSize", "pageSize must not be negative, got " + pageSize + ".");
        }
        return Math.min(pageSize, MAX_PAGE_SIZE);
    }

    /** An offset page token for a listing identified by {@code scope}. */
    static String offsetToken(int offset, String scope) {
        return encode("offset", scope, Integer.toString(offset));
    }

    /** The offset in an offset page token, 0 for none; 400 when the token is not one of {@code scope}. */
    static int offsetToken(String token, String scope) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        String[] parts = decode(token, "offset");
        if (!parts[0].equals(scope)) {
            throw ApiException.invalidArgument("pageToken", "pageToken belongs to another listing.");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument("pageToken", "pageToken is not a page token this server issued.");
        }
    }

    private static String encode(String kind, String... parts) {
        String joined = kind + "\u0000" + String.join("\u0000", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token, String kind) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\u0000", -1);
            if (parts.length < 3 || !parts[0].equals(kind)) {
                throw new IllegalArgumentException("wrong kind");
            }
            if (kind.equals("models")) {
                Instant.parse(parts[2]);
            }
            String[] rest = new String[parts.length - 1];
            System.arraycopy(parts, 1, rest, 0, rest.length);
            return rest;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ApiException.invalidArgument("pageToken", "pageToken is not a page token this server issued.");
        }
    }
}
