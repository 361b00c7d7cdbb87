package io.hallwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What deploy/kubernetes must hold for {@code kubectl apply -k} to give one safe HallWatch pod: known
 * kinds at their API versions, a kustomization that lists every manifest but the Secret example, and a
 * Deployment, Service and PodDisruptionBudget that agree on labels, names and ports.
 */
final class KubernetesChecks {

    static final Map<String, String> API_VERSIONS = Map.of(
            "Kustomization", "kustomize.config.k8s.io/v1beta1",
            "Namespace", "v1", "ConfigMap", "v1", "Secret", "v1", "Service", "v1",
            "Deployment", "apps/v1", "PodDisruptionBudget", "policy/v1");
    static final String SECRET_EXAMPLE = "secret.example.yaml";

    private KubernetesChecks() {
    }

    static void apiVersionAndKind(Path file, Map<String, Object> document) {
        Object kind = document.get("kind");
        assertTrue(API_VERSIONS.containsKey(kind), file + ": unexpected kind " + kind);
        assertEquals(API_VERSIONS.get(kind), document.get("apiVersion"), file + ": apiVersion of " + kind);
        if (!"Kustomization".equals(kind)) {
            assertNotNull(Tree.map(document.get("metadata")).get("name"), file + ": metadata.name");
        }
    }

    /** Hands the setting names of a ConfigMap, Secret or Deployment document to {@code names}. */
    static void settingNames(Path file, Map<String, Object> document, DeployedNames names) {
        Object kind = document.get("kind");
        if ("ConfigMap".equals(kind) || "Secret".equals(kind)) {
            names.keys(file, Tree.map(document.get("data")).keySet());
            names.keys(file, Tree.map(document.get("stringData")).keySet());
        } else if ("Deployment".equals(kind)) {
            for (Object container : Tree.list(Tree.at(document, "spec.template.spec.containers"))) {
                names.keys(file, Tree.list(Tree.map(container).get("env")).stream()
                        .map(env -> Tree.map(env).get("name")).toList());
            }
        }
    }

    static void wholeSet(Path dir, Map<Path, Map<String, Object>> documents) {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        documents.values().forEach(d -> assertTrue(byKind.put(String.valueOf(d.get("kind")), d) == null,
                "one " + d.get("kind") + " expected"));
        kustomization(dir, byKind.get("Kustomization"));
        Map<String, Object> deployment = byKind.get("Deployment");
        Map<String, Object> labels = Tree.map(Tree.at(deployment, "spec.template.metadata.labels"));
        assertSelects(labels, Tree.map(Tree.at(deployment, "spec.selector.matchLabels")), "Deployment selector");
        assertSelects(labels, Tree.map(Tree.at(byKind.get("Service"), "spec.selector")), "Service selector");
        assertSelects(labels, Tree.map(Tree.at(byKind.get("PodDisruptionBudget"), "spec.selector.matchLabels")),
                "PodDisruptionBudget selector");
        Map<String, Object> container = onlyContainer(deployment);
        pod(deployment, container);
        references(container, byKind);
        Set<Object> ports = Tree.list(container.get("ports")).stream().map(p -> Tree.map(p).get("name")).collect(Collectors.toSet());
        for (Object port : Tree.list(Tree.at(byKind.get("Service"), "spec.ports"))) {
            Object target = Tree.map(port).get("targetPort");
            assertTrue(ports.contains(target) || target instanceof Integer, "Service targetPort " + target + " is no container port");
        }
    }

    private static void kustomization(Path dir, Map<String, Object> kustomization) {
        assertNotNull(kustomization, "no kustomization.yaml");
        Set<String> listed = new TreeSet<>();
        Tree.list(kustomization.get("resources")).forEach(r -> listed.add(String.valueOf(r)));
        listed.forEach(r -> assertTrue(Files.isRegularFile(dir.resolve(r)), "kustomization lists a missing " + r));
        Set<String> manifests = new TreeSet<>();
        DeployedNames.filesUnder(dir).stream().map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml") && !n.equals(SECRET_EXAMPLE))
                .forEach(manifests::add);
        assertEquals(manifests, listed, "kustomization resources: every manifest but the Secret example");
    }

    private static void pod(Map<String, Object> deployment, Map<String, Object> container) {
        assertEquals(1, Tree.at(deployment, "spec.replicas"), "one replica until halls can be sharded (README.md)");
        assertEquals("Recreate", Tree.at(deployment, "spec.strategy.type"), "no second pod during an update");
        assertEquals(true, Tree.at(deployment, "spec.template.spec.securityContext.runAsNonRoot"));
        assertEquals("/q/health/live", Tree.at(container, "livenessProbe.httpGet.path"));
        assertEquals("/q/health/ready", Tree.at(container, "readinessProbe.httpGet.path"));
        for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            assertNotNull(Tree.at(Tree.map(container.get("resources")), resource), resource);
        }
        assertEquals(true, Tree.at(container, "securityContext.readOnlyRootFilesystem"));
        assertEquals(false, Tree.at(container, "securityContext.allowPrivilegeEscalation"));
        Object tmp = Tree.list(container.get("volumeMounts")).stream().map(Tree::map)
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> m.get("name")).findFirst().orElse(null);
        assertNotNull(tmp, "a read-only root filesystem needs a writable /tmp");
        assertTrue(Tree.list(Tree.at(deployment, "spec.template.spec.volumes")).stream().map(Tree::map)
                .anyMatch(v -> tmp.equals(v.get("name")) && v.containsKey("emptyDir")), "/tmp must be an emptyDir");
    }

    private static void references(Map<String, Object> container, Map<String, Map<String, Object>> byKind) {
        Object configMap = Tree.at(byKind.get("ConfigMap"), "metadata.name");
        Object secret = Tree.at(byKind.get("Secret"), "metadata.name");
        List<Map<String, Object>> sources = Tree.list(container.get("envFrom")).stream().map(Tree::map).toList();
        assertTrue(sources.stream().anyMatch(s -> configMap.equals(Tree.map(s.get("configMapRef")).get("name"))),
                "the container reads no ConfigMap " + configMap);
        assertTrue(sources.stream().anyMatch(s -> secret.equals(Tree.map(s.get("secretRef")).get("name"))),
                "the container reads no Secret " + secret + " (the name of " + SECRET_EXAMPLE + ")");
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<?> containers = Tree.list(Tree.at(deployment, "spec.template.spec.containers"));
        assertEquals(1, containers.size(), "one container");
        return Tree.map(containers.get(0));
    }

    private static void assertSelects(Map<String, Object> labels, Map<String, Object> selector, String what) {
        assertFalse(selector.isEmpty(), what + " is empty");
        selector.forEach((key, value) -> assertEquals(value, labels.get(key), what + " " + key + " must match the pod's labels"));
    }
}
