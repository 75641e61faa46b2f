import { module, test } from "qunit";
import { youTubeVideoId } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-video-id";

const ID = "aqz-KE-bpKQ";

module("Unit | Lib | online-clinic | youtube-video-id", function () {
  test("reads the id from every link form YouTube hands out", function (assert) {
    const links = [
      `https://www.youtube.com/watch?v=${ID}`,
      `https://www.youtube.com/watch?feature=share&v=${ID}&t=42`,
      `http://youtube.com/watch?v=${ID}`,
      `https://m.youtube.com/watch?v=${ID}`,
      `https://youtu.be/${ID}`,
      `https://youtu.be/${ID}?si=abc&t=10`,
      `youtu.be/${ID}`,
      `https://www.youtube.com/embed/${ID}`,
      `https://www.youtube.com/shorts/${ID}`,
      `https://www.youtube-nocookie.com/embed/${ID}?rel=0`,
      `  https://www.youtube.com/watch?v=${ID}  `,
      `HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`,
    ];
    for (const link of links) {
      assert.strictEqual(youTubeVideoId(link), ID, link);
    }
  });

  test("anything else is not a YouTube video", function (assert) {
    const others = [
      "https://example.com/watch?v=aqz-KE-bpKQ",
      "https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
      "https://www.youtube.com/watch?v=short",
      "https://www.youtube.com/watch?v=aqz-KE-bpKQ<script>",
      "https://www.youtube.com/channel/UC123",
      "https://www.youtube.com/",
      "https://youtu.be/",
      "https://youtu.be/aqz-KE-bpKQ/extra",
      ["javascript", "alert(1)//youtu.be/aqz-KE-bpKQ"].join(":"),
      "https://user:pass@youtu.be/aqz-KE-bpKQ",
      "ftp://youtu.be/aqz-KE-bpKQ",
      "",
      "just words",
    ];
    for (const other of others) {
      assert.strictEqual(youTubeVideoId(other), null, other);
    }
  });
});
