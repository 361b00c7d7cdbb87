package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.contract.Kind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a profile and a device binding into the device's topics, checking everything a message
 * will need; and checks a profile on its own by binding it to a stand-in device of each kind.
 */
final class Binder {

    private Binder() {
    }

    /** The device's topics; an exception naming the device and the problem. */
    static List<TopicBinding> bind(Profile profile, DeviceBinding binding) {
        try {
            if (!profile.kinds().contains(binding.kind())) {
                throw new IllegalArgumentException("the profile produces " + kinds(profile) + " readings, not "
                        + binding.kind().wire());
            }
            profile.checkSource(binding.source());
            Map<String, JsonNode> options = OptionValues.of(profile, binding.options());
            List<TopicBinding> topics = compile(new BindContext(profile, binding, options, false));
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("no topic of the profile applies to this device");
            }
            return topics;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + binding.device() + " (profile " + profile.name() + "): "
                    + e.getMessage(), e);
        }
    }

    /** Checks every topic definition of a profile for each kind it declares; an exception otherwise. */
    static void check(Profile profile) {
        for (Kind kind : profile.kinds()) {
            DeviceBinding standIn = new DeviceBinding(profile.name(), "check", "check", kind, "check", Map.of(),
                    ZoneOffset.UTC);
            compile(new BindContext(profile, standIn, OptionValues.defaults(profile), true));
        }
    }

    private static List<TopicBinding> compile(BindContext context) {
        OptionResolver resolver = new OptionResolver(context.options(), context.trial());
        List<TopicBinding> out = new ArrayList<>();
        JsonNode topics = context.profile().topics();
        for (int i = 0; i < topics.size(); i++) {
            String where = "topics[" + i + "]";
            JsonNode entry;
            try {
                entry = resolver.resolve(topics.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            // A topic that is exactly an option the binding leaves out is not used (an optional status topic).
            if (entry.has("topic")) {
                out.addAll(TopicCompiler.compile(entry, i, context, where));
            }
        }
        return out;
    }

    private static String kinds(Profile profile) {
        List<String> names = new ArrayList<>();
        profile.kinds().forEach(kind -> names.add(kind.wire()));
        return String.join(" and ", names);
    }
}
