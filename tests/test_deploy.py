"""The deployment files: every Kubernetes manifest validates offline; compose runs the roles."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from bot import PROJECT_ROOT
from bot.__main__ import parser

K8S = PROJECT_ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.30.0"
MANIFESTS = sorted(K8S.glob("*.yaml")) + sorted(K8S.glob("*.yml"))


def documents(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_every_manifest_validates_against_the_kubernetes_schema(path: Path) -> None:
    docs = documents(path)
    assert docs, f"{path.name} holds no object"
    for doc in docs:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validation_can_fail() -> None:
    [deployment, *_] = documents(K8S / "worker.yaml")
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["pathh"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def _workloads() -> dict[str, dict[str, Any]]:
    found = {}
    for path in MANIFESTS:
        for doc in documents(path):
            if doc["kind"] in {"Deployment", "StatefulSet"}:
                found[doc["metadata"]["name"]] = doc
    return found


def test_every_component_is_there_with_its_command_and_probes() -> None:
    workloads = _workloads()
    for name in ("lotse-ingress", "lotse-worker", "lotse-jobs", "rasa", "libretranslate", "redis"):
        assert name in workloads, f"no workload {name} in deploy/k8s"
    assert workloads["redis"]["kind"] == "StatefulSet"
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, role in (("lotse-ingress", "ingress"), ("lotse-worker", "worker"), ("jobs", "jobs")):
        workload = workloads[name if name != "jobs" else "lotse-jobs"]
        [container] = workload["spec"]["template"]["spec"]["containers"]
        assert container["args"][:2] == ["lotse", role] and role in commands
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        sources = {next(iter(s)) for s in container["envFrom"]}
        assert sources == {"configMapRef", "secretRef"}
    config = next(d for d in documents(K8S / "config.yaml") if d["kind"] == "ConfigMap")
    for contract in ("REDIS_URL", "RASA_URL", "WEBHOOK_URL", "WEBHOOK_LISTEN"):
        assert contract in config["data"]
    # Secrets are never in the repository.
    for path in MANIFESTS:
        assert "kind: Secret" not in path.read_text(encoding="utf-8")


def test_compose_runs_the_split_roles_and_scales_workers() -> None:
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"ingress", "worker", "jobs", "redis", "rasa", "libretranslate"} <= set(services)
    assert services["ingress"]["command"] == ["lotse", "ingress"]
    assert services["worker"]["command"][:2] == ["lotse", "worker"]
    assert services["jobs"]["command"][:2] == ["lotse", "jobs"]
    # `--scale worker=3` needs a worker without fixed names or host ports.
    assert "container_name" not in services["worker"] and "ports" not in services["worker"]
    assert services["ingress"]["ports"] == ["8080:8080"]
    for role in ("ingress", "worker", "jobs"):
        env = services[role]["environment"]
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert env["WEBHOOK_LISTEN"].endswith(":8080")
        assert services[role]["env_file"] == ".env"  # TELEGRAM_BOT_TOKEN, WEBHOOK_URL/SECRET
        assert services[role]["depends_on"]["redis"]["condition"] == "service_healthy"
    example = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    for contract in ("TELEGRAM_BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_LISTEN"):
        assert f"{contract}=" in example
