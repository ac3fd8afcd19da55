/**
 * Uploads one file as multipart field `file` with XMLHttpRequest: unlike fetch, XHR reports
 * upload progress, which is what a user watching a 500 MB HAR go up needs to see.
 */
import { errorFromBody } from '../api/api-client';

export interface UploadCallbacks {
  /** Bytes of the request body sent so far (multipart framing included, so close to the file size). */
  onProgress: (sent: number, total: number) => void;
  /** The body is fully sent; the server is now parsing. */
  onSent: () => void;
}

export interface UploadOutcome {
  status: number;
  body: unknown;
}

export interface UploadHandle {
  done: Promise<UploadOutcome>;
  abort: () => void;
}

export interface UploadOptions {
  /** Redact secrets on the server before anything is stored (the API's default); false sends `redact=0`. */
  redact: boolean;
}

export function uploadFile(url: string, file: File, callbacks: UploadCallbacks, options: UploadOptions = { redact: true }): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      callbacks.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    xhr.upload.addEventListener('load', () => callbacks.onSent());
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        body = xhr.responseText;
      }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => reject(new Error('The upload was interrupted: is the Witness server still running?')));
    xhr.addEventListener('abort', () => reject(new Error('Upload cancelled.')));
    const form = new FormData();
    // Before the file: the server reads the form as a stream and starts storing at the file.
    form.append('redact', options.redact ? '1' : '0');
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** The message to show for a non-2xx upload answer, using the API's error shape when present. */
export function uploadErrorMessage(outcome: UploadOutcome): string {
  return errorFromBody(outcome.status, '', outcome.body).message;
}
