"""Body segment lengths as fractions of standing height H, declared once for every figure.

From Winter DA, Biomechanics and Motor Control of Human Movement, 4th ed. (Wiley 2009), Figure 4.1
(segment lengths after Drillis and Contini 1966): shoulder height 0.818H, greater trochanter 0.530H,
knee 0.285H, ankle 0.039H; upper arm 0.186H, forearm 0.146H, hand 0.108H, foot length 0.152H,
head and neck 0.182H, shoulder width 0.259H, hip width 0.191H.
"""

from __future__ import annotations

TRUNK = 0.818 - 0.530
"""Greater trochanter to shoulder (acromion)."""
THIGH = 0.530 - 0.285
SHANK = 0.285 - 0.039
ANKLE_HEIGHT = 0.039
FOOT = 0.152
HEEL_BEHIND_ANKLE = 0.035
"""How far the heel reaches behind the ankle joint (about a quarter of foot length)."""
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
NECK = 0.052
HEAD = 0.130
SHOULDER_WIDTH = 0.259
HIP_WIDTH = 0.191

LIMB_WIDTH = 0.05
"""Drawn thickness of a limb, and half the thickness of the trunk; a drawing choice, not a measurement."""
TRUNK_WIDTH = 0.1
