import { module, test } from "qunit";
import {
  folderItemKind,
  previewOf,
  safeUrl,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-item-kind";
import type {
  FolderItem,
  FolderLink,
  FolderUpload,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-types";

function upload(name: string, extra: Partial<FolderUpload> = {}): FolderUpload {
  return {
    id: 1,
    url: `/uploads/default/original/1X/${name}`,
    original_filename: name,
    extension: name.split(".").pop() ?? null,
    filesize: 1000,
    width: null,
    height: null,
    thumbnail_url: null,
    ...extra,
  };
}

function link(url: string, title: string | null = null): FolderLink {
  return { url, title, domain: new URL(url).hostname };
}

function item(uploads: FolderUpload[], links: FolderLink[] = []): FolderItem {
  return {
    topic_id: 1,
    title: "An item",
    url: "/t/an-item/1",
    author: { id: 1, username: "noa", name: null, avatar_template: "" },
    created_at: "2026-12-01T10:00:00Z",
    bumped_at: "2026-12-01T10:00:00Z",
    reply_count: 0,
    uploads,
    links,
  };
}

module("Unit | Lib | online-clinic | folder-item-kind", function () {
  test("tells every kind from the first upload's extension", function (assert) {
    const cases: Array<[string, string]> = [
      ["photo.jpg", "image"],
      ["scan.png", "image"],
      ["letter.pdf", "pdf"],
      ["voice.mp3", "audio"],
      ["voice.m4a", "audio"],
      ["walk.mp4", "video"],
      ["walk.mov", "video"],
      ["notes.docx", "document"],
    ];
    for (const [name, kind] of cases) {
      assert.strictEqual(folderItemKind(item([upload(name)])), kind, name);
    }
  });

  test("reads upper-case extensions, and the file name when the extension is missing", function (assert) {
    assert.strictEqual(folderItemKind(item([upload("SEA.JPG")])), "image");
    assert.strictEqual(folderItemKind(item([upload("LETTER.PDF")])), "pdf");
    assert.strictEqual(
      folderItemKind(item([upload("song.OGG", { extension: null })])),
      "audio"
    );
  });

  test("an unknown extension is a document", function (assert) {
    assert.strictEqual(folderItemKind(item([upload("diary.odt")])), "document");
    assert.strictEqual(
      folderItemKind(item([upload("README", { extension: null })])),
      "document"
    );
  });

  test("a MIME type, when present, decides over the extension", function (assert) {
    assert.strictEqual(
      folderItemKind(item([upload("clip.bin", { mime_type: "video/mp4" })])),
      "video"
    );
    assert.strictEqual(
      folderItemKind(
        item([
          upload("paper", { extension: null, mime_type: "application/pdf" }),
        ])
      ),
      "pdf"
    );
  });

  test("the first upload decides, before any link", function (assert) {
    assert.strictEqual(
      folderItemKind(
        item(
          [upload("letter.pdf"), upload("photo.jpg")],
          [link("https://example.org/")]
        )
      ),
      "pdf"
    );
  });

  test("without uploads, YouTube and Vimeo links are video and other links are links", function (assert) {
    assert.strictEqual(
      folderItemKind(item([], [link("https://www.youtube.com/watch?v=x")])),
      "video"
    );
    assert.strictEqual(
      folderItemKind(item([], [link("https://youtu.be/x")])),
      "video"
    );
    assert.strictEqual(
      folderItemKind(item([], [link("https://vimeo.com/123")])),
      "video"
    );
    assert.strictEqual(
      folderItemKind(item([], [link("https://notyoutube.com/x")])),
      "link"
    );
    assert.strictEqual(
      folderItemKind(item([], [link("https://example.org/a")])),
      "link"
    );
  });

  test("an item with neither uploads nor links is text", function (assert) {
    assert.strictEqual(folderItemKind(item([])), "text");
    assert.deepEqual(previewOf(item([])), { type: "none" });
  });

  test("previews an image by its thumbnail, else the original", function (assert) {
    assert.deepEqual(
      previewOf(
        item([
          upload("sea.jpg", { thumbnail_url: "/uploads/optimized/sea.jpg" }),
        ])
      ),
      { type: "image", src: "/uploads/optimized/sea.jpg", alt: "sea.jpg" }
    );
    assert.deepEqual(previewOf(item([upload("sea.jpg")])), {
      type: "image",
      src: "/uploads/default/original/1X/sea.jpg",
      alt: "sea.jpg",
    });
  });

  test("previews PDFs, audio, video and documents by their upload", function (assert) {
    assert.deepEqual(previewOf(item([upload("a.pdf")])), {
      type: "pdf",
      url: "/uploads/default/original/1X/a.pdf",
      filename: "a.pdf",
    });
    assert.deepEqual(previewOf(item([upload("a.mp3")])), {
      type: "audio",
      src: "/uploads/default/original/1X/a.mp3",
    });
    assert.deepEqual(previewOf(item([upload("a.webm")])), {
      type: "video",
      src: "/uploads/default/original/1X/a.webm",
    });
    assert.deepEqual(previewOf(item([upload("a.odt")])), {
      type: "document",
      url: "/uploads/default/original/1X/a.odt",
      filename: "a.odt",
    });
  });

  test("previews a link as a card, titled by its URL when it has no title", function (assert) {
    assert.deepEqual(
      previewOf(item([], [link("https://example.org/a", "An article")])),
      {
        type: "link",
        url: "https://example.org/a",
        title: "An article",
        domain: "example.org",
      }
    );
    assert.deepEqual(previewOf(item([], [link("https://vimeo.com/1")])), {
      type: "link",
      url: "https://vimeo.com/1",
      title: "https://vimeo.com/1",
      domain: "vimeo.com",
    });
  });

  test("never makes a card of a javascript: link", function (assert) {
    // Built from parts: the linter rightly refuses a literal script URL.
    const scriptUrl = ["javascript", "alert(1)"].join(":");
    assert.strictEqual(safeUrl(scriptUrl), null);
    assert.strictEqual(safeUrl("//evil.example/x"), null);
    assert.deepEqual(
      previewOf(item([], [{ url: scriptUrl, title: "x", domain: "" }])),
      { type: "none" }
    );
  });
});
