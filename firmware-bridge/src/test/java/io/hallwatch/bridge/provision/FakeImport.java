package io.hallwatch.bridge.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.api.ServiceApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands for the service's {@code POST /api/devices/import}: numbers the lines of each body it gets
 * (the header is line 1), creates every device with the password {@code pw-<id>-<call>}, except the
 * ids told to fail; whole calls can be told to answer a status or to get no answer.
 */
final class FakeImport implements Provisioner.ImportEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> bodies = new ArrayList<>();
    final Map<String, String> refuse = new HashMap<>();
    final Map<Integer, Integer> statusOfCall = new HashMap<>();
    final Map<Integer, String> noAnswerOnCall = new HashMap<>();

    @Override
    public ServiceApi.Reply post(String csv) throws IOException {
        bodies.add(csv);
        int call = bodies.size();
        if (noAnswerOnCall.containsKey(call)) {
            throw new IOException(noAnswerOnCall.get(call));
        }
        if (statusOfCall.containsKey(call)) {
            return new ServiceApi.Reply(statusOfCall.get(call), JSON.createObjectNode().put("detail", "as told"));
        }
        return new ServiceApi.Reply(200, report(csv, call));
    }

    private ObjectNode report(String csv, int call) {
        String[] lines = csv.split("\n");
        ObjectNode report = JSON.createObjectNode();
        ArrayNode results = report.putArray("results");
        int created = 0;
        for (int i = 1; i < lines.length; i++) {
            String id = lines[i].split(",")[0];
            ObjectNode result = results.addObject().put("line", i + 1).put("id", id);
            if (refuse.containsKey(id)) {
                result.put("status", "failed").put("error", refuse.get(id));
            } else {
                result.put("status", "created").put("mqttUsername", id).put("mqttPassword", "pw-" + id + "-" + call);
                created++;
            }
        }
        return report.put("rows", lines.length - 1).put("created", created).put("failed", lines.length - 1 - created);
    }
}
