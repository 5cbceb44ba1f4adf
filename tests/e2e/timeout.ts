// Starting the demo and driving a browser take minutes on a small machine.
jest.setTimeout(300000);
