"""Settings of a scoring run: which profile and model, and the gate's thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from evalkit.errors import ConfigError
from evalkit.gate import Thresholds
from evalkit.readability.targets import Target, TargetSet

Profile = Literal["default", "fast"]
PROFILES: tuple[Profile, ...] = ("default", "fast")


@dataclass(frozen=True, slots=True)
class Settings:
    """How to score.

    * ``profile``: ``default`` runs the transformer model (BERTScore, embedding alignment); ``fast`` is
      model-free (lexical alignment and matching), for quick checks and very large archives;
    * ``model``/``layer``: a local model folder or Hugging Face name, and the layer for BERTScore
      (default: the embedded all-MiniLM-L6-v2, layer 4);
    * ``device``: ``cpu``, ``cuda``, ``cuda:1``, ``mps`` ..., or ``auto`` (the GPU when there is one);
    * ``cache``: keep encodings on disk between runs (:mod:`evalkit.cache`);
    * ``targets``: readability targets of your own (:meth:`evalkit.readability.targets.Target.from_mapping`),
      beside the presets; ``thresholds.target`` may name either.
    """

    profile: Profile = "default"
    model: str | None = None
    layer: int | None = None
    device: str = "cpu"
    cache: bool = True
    thresholds: Thresholds = field(default_factory=Thresholds)
    targets: tuple[Target, ...] = ()

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ConfigError(f"unknown profile {self.profile!r} (choose {', '.join(PROFILES)})")
        if self.layer is not None and self.layer < 1:
            raise ConfigError(f"layer must be 1 or more, not {self.layer}")
        if self.thresholds.target is not None:
            TargetSet(self.targets).get(self.thresholds.target)  # raises ConfigError for an unknown name

    @property
    def uses_model(self) -> bool:
        return self.profile != "fast"

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "model": self.model,
            "layer": self.layer,
            "device": self.device,
            "thresholds": self.thresholds.to_dict(),
            "targets": [target.to_dict() for target in self.targets],
        }
