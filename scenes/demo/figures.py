"""
Two stylised silhouettes, one holding the other from behind, drawn from ellipses and polygons.

Pillow draws shapes without anti-aliasing, so the figures are drawn at twice the size on masks and
scaled down: that smooths every edge for the cost of a few milliseconds. Three masks are painted in
order, back to front: the hugger (behind), the one being hugged, then the hugger's arms, which wrap
around the front of the other's waist and are what makes the picture read as a back hug.
"""

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SUPERSAMPLE = 2


@dataclass(frozen=True)
class Pose:
    center_x: int  # the hugged person's head, in image pixels
    head_y: int
    head_radius: int
    hugger_gender: str
    hugged_gender: str
    lean: float = 0.0  # a small sideways shift of the hugger's head, in head radii


class Layer:
    """A supersampled mask covering part of the image, drawn in image coordinates."""

    def __init__(self, box: tuple[int, int, int, int]):
        self.box = box
        width, height = box[2] - box[0], box[3] - box[1]
        self.mask = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
        self.draw = ImageDraw.Draw(self.mask)

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.box[0]) * SUPERSAMPLE, (y - self.box[1]) * SUPERSAMPLE

    def ellipse(self, left: float, top: float, right: float, bottom: float) -> None:
        self.draw.ellipse((*self._xy(left, top), *self._xy(right, bottom)), fill=255)

    def polygon(self, points: list[tuple[float, float]]) -> None:
        self.draw.polygon([self._xy(x, y) for x, y in points], fill=255)

    def rounded(self, left: float, top: float, right: float, bottom: float, radius: float) -> None:
        self.draw.rounded_rectangle((*self._xy(left, top), *self._xy(right, bottom)), radius * SUPERSAMPLE, fill=255)

    def stroke(self, points: list[tuple[float, float]], width: float) -> None:
        """A thick line with round ends and joints: a limb."""
        scaled = [self._xy(x, y) for x, y in points]
        self.draw.line(scaled, fill=255, width=int(width * SUPERSAMPLE), joint="curve")
        radius = width * SUPERSAMPLE / 2
        for x, y in (scaled[0], scaled[-1]):
            self.draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)

    def small_mask(self) -> Image.Image:
        # A box filter is all supersampling needs, and far cheaper than Lanczos.
        return self.mask.reduce(SUPERSAMPLE)

    def paint(self, image: Image.Image, color: tuple[int, int, int], mask: Image.Image | None = None) -> None:
        image.paste(color, self.box[:2], mask if mask is not None else self.small_mask())


def curve(start, control, end, steps: int = 16) -> list[tuple[float, float]]:
    """Points along a quadratic Bézier curve, for arms that bend smoothly."""
    points = []
    for step in range(steps + 1):
        t = step / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        points.append((x, y))
    return points


def person(
    layer: Layer, x: float, head_y: float, r: float, gender: str, bottom: float, lean: float = 0.0
) -> dict[str, float]:
    """Head, hair, neck and shoulders of one figure, cropped by the frame like a drama still.

    ``lean`` moves the head sideways over the body (in head radii): the two lean toward each other.
    """
    female = gender == "female"
    head_x = x + lean * r
    shoulder_y = head_y + 1.32 * r
    half_width = (1.7 if female else 2.0) * r
    waist = 0.8 if female else 0.9
    # Hair first, so the head draws over it. Hers falls just below the jaw, so the neck still shows and
    # the head does not melt into the shoulders.
    if female:
        layer.ellipse(head_x - 1.0 * r, head_y - 1.12 * r, head_x + 1.0 * r, head_y + 0.95 * r)
    else:
        layer.ellipse(head_x - 0.8 * r, head_y - 1.15 * r, head_x + 0.8 * r, head_y + 0.3 * r)
    layer.ellipse(head_x - 0.8 * r, head_y - r, head_x + 0.8 * r, head_y + r)
    neck_x = (x + head_x) / 2
    layer.rounded(neck_x - 0.37 * r, head_y + 0.5 * r, neck_x + 0.37 * r, shoulder_y + 0.4 * r, 0.2 * r)
    # Shoulders slope down from the neck to rounded caps; the torso and hanging arms run out of the frame.
    cap = 0.6 * r
    cap_y = shoulder_y + 0.85 * r
    for side in (-1, 1):
        cap_x = x + side * (half_width - cap)
        layer.ellipse(cap_x - cap, cap_y - cap, cap_x + cap, cap_y + cap)
    layer.polygon(
        [
            (x - 0.6 * r, shoulder_y - 0.05 * r),
            (x + 0.6 * r, shoulder_y - 0.05 * r),
            (x + half_width - cap, cap_y - cap),
            (x + half_width, cap_y),
            (x + half_width * waist, shoulder_y + 3.4 * r),
            (x + half_width * 0.95, bottom),
            (x - half_width * 0.95, bottom),
            (x - half_width * waist, shoulder_y + 3.4 * r),
            (x - half_width, cap_y),
            (x - half_width + cap, cap_y - cap),
        ]
    )
    return {"shoulder_y": shoulder_y, "half_width": half_width, "waist": waist}


def hugger_head_offset(hugger_gender: str, hugged_gender: str) -> tuple[float, float]:
    """Where the hugger's head peeks out, in head radii: taller people rest their cheek on the other's head."""
    if hugger_gender == "male" and hugged_gender == "female":
        return 0.95, -0.5
    if hugger_gender == "female" and hugged_gender == "male":
        return 1.05, 0.45
    return 1.0, -0.15


def draw_embrace(image: Image.Image, pose: Pose, back_color, front_color) -> None:
    """Paint the pair onto ``image``, bodies running out of the bottom of the frame."""
    r = pose.head_radius
    x, head_y = pose.center_x, pose.head_y
    bottom = image.height + r  # bodies run out of the frame
    box = (
        max(0, int(x - 3.6 * r)),
        max(0, int(head_y - 2.2 * r)),
        min(image.width, int(x + 4.0 * r)),
        image.height,
    )

    dx, dy = hugger_head_offset(pose.hugger_gender, pose.hugged_gender)
    hugger_r = r * (1.05 if pose.hugger_gender == "male" else 0.95)
    hugger_x = x + (dx + pose.lean) * r
    hugger_head_y = head_y + dy * r
    behind = Layer(box)
    hugger = person(behind, hugger_x, hugger_head_y, hugger_r, pose.hugger_gender, bottom, lean=-0.15)

    front = Layer(box)
    hugged = person(front, x, head_y, r, pose.hugged_gender, bottom, lean=0.12)

    # The arms: the far one comes round the left of the hugged person's waist, the near one down from the
    # hugger's own shoulder; the hands meet in front.
    shoulder_y, half_width = hugged["shoulder_y"], hugged["half_width"]
    waist_y = shoulder_y + 2.7 * r
    hands = (x - 0.05 * r, waist_y)
    arm_width = 0.6 * r
    arms = Layer(box)
    far_start = (x - half_width * 0.97, waist_y - 0.6 * r)
    arms.stroke(curve(far_start, (x - 0.9 * r, waist_y + 0.35 * r), hands), arm_width * 0.92)
    near_shoulder = (hugger_x + hugger["half_width"] * 0.82, hugger["shoulder_y"] + 0.55 * hugger_r)
    elbow = (x + half_width * 1.05, waist_y - 0.3 * r)
    arms.stroke(curve(near_shoulder, (elbow[0] + 0.35 * r, elbow[1] - 1.2 * r), elbow), arm_width)
    arms.stroke(curve(elbow, (x + 0.9 * r, waist_y + 0.55 * r), hands), arm_width)
    arms.ellipse(hands[0] - 0.34 * r, hands[1] - 0.28 * r, hands[0] + 0.34 * r, hands[1] + 0.3 * r)

    # A soft shadow cast by the front figure on the hugger gives the two bodies depth.
    behind_mask, front_mask = behind.small_mask(), front.small_mask()
    shadow = ImageChops.multiply(front_mask.filter(ImageFilter.GaussianBlur(0.25 * r)), behind_mask)
    behind.paint(image, back_color, behind_mask)
    behind.paint(image, tuple(int(channel * 0.7) for channel in back_color), shadow)
    front.paint(image, front_color, front_mask)
    arms.paint(image, back_color)
