/**
 * The show page's only script, served as a file from our own origin (`script-src 'self'`, nothing inline): it
 * shows the "Copy the feed address" button and copies. Without it the address is still on the page as text.
 */
export const copyFeedAddressPath = '/shows/assets/copy-feed-address.js';

export const copyFeedAddressScript = `'use strict';
(function () {
  var button = document.getElementById('copy-feed-address');
  var address = document.getElementById('feed-address');
  var status = document.getElementById('copy-status');
  if (!button || !address || !status) return;
  var selectAddress = function () {
    var range = document.createRange();
    range.selectNodeContents(address);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  button.hidden = false;
  button.addEventListener('click', function () {
    var text = address.textContent.trim();
    var copied = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
    copied.then(
      function () {
        status.textContent = 'Feed address copied. Paste it where your podcast app says "add by URL" or "add by address".';
      },
      function () {
        selectAddress();
        status.textContent = 'We could not copy it for you. The address is selected: copy it with your keyboard or menu.';
      },
    );
  });
})();
`;
