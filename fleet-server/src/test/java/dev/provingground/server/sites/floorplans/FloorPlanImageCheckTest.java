package dev.provingground.server.sites.floorplans;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The image check on its own: what the bytes say they are, what they decode to, and the limits. */
class FloorPlanImageCheckTest {

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void aPngAndAJpegAreRecognisedByTheirBytesWithTheirSizeAndHash() throws IOException {
        CheckedImage png = FloorPlanImageCheck.check(image("png", 30, 20), null);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.widthPx()).isEqualTo(30);
        assertThat(png.heightPx()).isEqualTo(20);
        assertThat(png.sha256()).matches("[0-9a-f]{64}");
        CheckedImage jpeg = FloorPlanImageCheck.check(image("jpeg", 64, 48), "image/jpeg; charset=binary");
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.widthPx()).isEqualTo(64);
    }

    @Test
    void anImageWiderThanTheLimitIsRefusedFromItsHeaderWithoutDecodingIt() throws IOException {
        assertThatThrownBy(() -> FloorPlanImageCheck.check(image("png", 16_385, 1), "image/png"))
                .isInstanceOf(InvalidFloorPlanException.class)
                .hasMessageContaining("image: 16385 × 1 pixels; each side must be 1 to 16384 pixels");
    }

    @Test
    void bytesOverTheLimitAreRefusedBeforeAnythingElse() throws IOException {
        byte[] big = Arrays.copyOf(image("png", 4, 4), FloorPlanImageCheck.MAX_BYTES + 1);
        assertThatThrownBy(() -> FloorPlanImageCheck.check(big, "image/png"))
                .hasMessageContaining("image: 8388609 bytes is over the floor-plan limit of 8388608 bytes (8 MiB)");
        assertThatThrownBy(() -> FloorPlanImageCheck.check(new byte[0], "image/png"))
                .hasMessageContaining("image: the request body is empty");
    }

    @Test
    void aJpegWhoseDataIsCutOffDoesNotDecode() throws IOException {
        byte[] jpeg = image("jpeg", 200, 200);
        assertThatThrownBy(() -> FloorPlanImageCheck.check(Arrays.copyOf(jpeg, 200), null))
                .isInstanceOf(InvalidFloorPlanException.class).hasMessageContaining("image: not a readable JPEG");
    }
}
