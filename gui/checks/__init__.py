"""The check panel: findings from core.checks, jumping to them, explanations."""
