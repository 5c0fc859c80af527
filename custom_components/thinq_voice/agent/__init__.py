"""The conversation agent's link to Home Assistant: targets, actions and answers.

`voice/` reads a sentence without knowing Home Assistant; this package finds the entities a
sentence is about, acts on them through Home Assistant services, and phrases the answer.
"""
