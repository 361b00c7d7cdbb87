package io.hallwatch.notify.send;

import io.hallwatch.notify.ChannelKind;
import java.net.URI;

/**
 * Where and how one channel sends: its kind, its URL (which may itself hold a token), its signing
 * secret (null when the channel has none) and whether it prefers markdown over plain text.
 */
public record Endpoint(ChannelKind kind, URI url, String secret, boolean markdown) {
}
