"""Personal plans: decision tables in content, compiled to JSON, evaluated by one engine (plan-engine.js)."""
